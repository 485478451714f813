using System.Text.Json.Nodes;
using Dqe.Cdk.Config;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Config;

public sealed class ConfigLoaderTests
{
    [Theory]
    [InlineData("dev", "eu-west-1", 1, true)]
    [InlineData("staging", "eu-west-1", 1, false)]
    [InlineData("prod", "eu-west-1", 3, false)]
    [InlineData("dr", "eu-central-1", 3, false)]
    public void Load_EachEnvironment_ReturnsItsValidatedConfig(string env, string region, int natGateways, bool ephemeral)
    {
        var config = Synth.Config(env);

        Assert.Equal(env, config.Env);
        Assert.Equal(region, config.Region);
        Assert.Equal(natGateways, config.Network.NatGateways);
        Assert.Equal(ephemeral, config.Ephemeral);
        Assert.Equal("1.31", config.Cluster.KubernetesVersion);
    }

    [Fact]
    public void Load_EnvOverridesDefaults_MergesDeeply()
    {
        var config = Synth.Config("dev");

        // minSize comes from the dev section, instanceTypes and diskSizeGb from dqe:defaults.
        Assert.Equal(1, config.NodeGroups.General.MinSize);
        Assert.Equal(["m5.large", "m5.xlarge"], config.NodeGroups.General.InstanceTypes);
        Assert.Equal(100, config.NodeGroups.General.DiskSizeGb);
        Assert.Equal("project", Assert.Single(config.Tags).Key);
    }

    [Fact]
    public void Load_KeyAbsentEverywhere_KeepsDocumentedDefault()
    {
        var config = Synth.Config("prod", ctx => ctx["dqe:defaults"]!["cluster"]!.AsObject().Remove("kubernetesVersion"));

        Assert.Equal(new ClusterConfig().KubernetesVersion, config.Cluster.KubernetesVersion);
        Assert.Equal("9.43.2", config.Cluster.ClusterAutoscalerChartVersion);
    }

    [Fact]
    public void Load_UnknownEnvironment_NamesItAndListsValidOnes()
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("no-such-env"));

        Assert.Equal("unknown environment 'no-such-env': valid environments are dev, dr, prod, staging", error.Message);
    }

    [Fact]
    public void Load_NoEnvironmentSelected_SaysHowToSelectOne()
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("dev", ctx => ctx.Remove(ConfigLoader.EnvKey)));

        Assert.Contains("pass -c env=NAME", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoEnvironmentsSection_ExplainsWhatIsMissing()
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("dev", ctx => ctx.Remove(ConfigLoader.EnvironmentsKey)));

        Assert.Contains("'dqe:environments'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nodeGroups.analytics.diskSizeGb", "50", "nodeGroups.analytics.diskSizeGb = 50 must be 100-500")]
    [InlineData("nodeGroups.general.maxSize", "0", "nodeGroups.general.maxSize = 0 must be 3-100")]
    [InlineData("nodeGroups.analytics.spot", "true", "nodeGroups.analytics.spot = true is not allowed")]
    [InlineData("nodeGroups.general.instanceTypes", "[]", "nodeGroups.general.instanceTypes is empty")]
    [InlineData("network.natGateways", "4", "network.natGateways = 4 must be 1-3")]
    [InlineData("network.cidr", "\"10.0.0.0/8\"", "network.cidr = '10.0.0.0/8' must be an IPv4 CIDR from /16 to /20")]
    [InlineData("network.availabilityZones", "[\"us-east-1a\",\"us-east-1b\"]", "'us-east-1a' is not a zone of region eu-west-1")]
    [InlineData("cluster.kubernetesVersion", "\"1.28\"", "cluster.kubernetesVersion = '1.28' must be 1.30 or 1.31")]
    [InlineData("cluster.publicEndpointCidrs", "[\"0.0.0.0/0\"]", "'0.0.0.0/0' opens the API server to the internet")]
    [InlineData("cluster.adminRoleArns", "[\"admin\"]", "cluster.adminRoleArns: 'admin' is not an IAM role ARN")]
    [InlineData("logRetentionDays", "8", "logRetentionDays = 8 must be one of 1, 3, 5, 7, 14")]
    [InlineData("lake.rawGlacierAfterDays", "10", "lake.rawGlacierAfterDays = 10 must be 31-3650")]
    [InlineData("account", "\"12345\"", "account = '12345' must be a 12-digit AWS account id")]
    public void Load_OutOfRangeValue_NamesKeyAndAllowedRange(string key, string json, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("prod", ctx => CdkContext.Set(ctx, "prod", key, json)));

        Assert.StartsWith("env 'prod': ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("nodeGroups.general.instanceType", "\"m5.large\"", "nodeGroups.general")]
    [InlineData("nodeGroups.general.minSize", "\"three\"", "nodeGroups.general.minSize")]
    [InlineData("network", "[1]", "network")]
    public void Load_MalformedValue_NamesThePath(string key, string json, string path)
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("prod", ctx => CdkContext.Set(ctx, "prod", key, json)));

        Assert.StartsWith("env 'prod': invalid configuration at ", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DevMayOpenEndpointToTheWorld_BecauseItIsEphemeral()
    {
        var config = Synth.Config("dev");

        Assert.True(config.Ephemeral);
        Assert.Equal(["0.0.0.0/0"], config.Cluster.PublicEndpointCidrs);
    }
}
