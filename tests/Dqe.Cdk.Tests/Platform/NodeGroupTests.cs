using Amazon.CDK.Assertions;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Platform;

public sealed class NodeGroupTests
{
    [Theory]
    [InlineData("dev", "general", 1, 3, "SPOT")]
    [InlineData("dev", "analytics", 3, 6, "ON_DEMAND")]
    [InlineData("staging", "general", 2, 6, "SPOT")]
    [InlineData("prod", "general", 3, 9, "ON_DEMAND")]
    [InlineData("prod", "analytics", 6, 24, "ON_DEMAND")]
    public void NodeGroup_PerEnvironment_HasConfiguredScalingAndCapacityType(string env, string pool, int min, int max, string capacity)
    {
        Synth.Env(env).Platform.HasResourceProperties("AWS::EKS::Nodegroup", Match.ObjectLike(new Dictionary<string, object>
        {
            ["NodegroupName"] = pool,
            ["ScalingConfig"] = new Dictionary<string, object> { ["MinSize"] = min, ["MaxSize"] = max, ["DesiredSize"] = min },
            ["CapacityType"] = capacity,
            ["AmiType"] = "AL2023_x86_64_STANDARD",
            ["Labels"] = new Dictionary<string, object> { ["dqe.io/pool"] = pool },
        }));
    }

    [Fact]
    public void Analytics_Always_IsTaintedSoOnlyEnginesLandThere()
    {
        var template = Synth.Env("prod").Platform;

        template.HasResourceProperties("AWS::EKS::Nodegroup", Match.ObjectLike(new Dictionary<string, object>
        {
            ["NodegroupName"] = "analytics",
            ["InstanceTypes"] = new[] { "r5.xlarge", "r5.2xlarge" },
            ["Taints"] = new[] { new Dictionary<string, object> { ["Key"] = "dqe.io/pool", ["Value"] = "analytics", ["Effect"] = "NO_SCHEDULE" } },
        }));
        template.HasResourceProperties("AWS::EKS::Nodegroup", Match.ObjectLike(new Dictionary<string, object>
        {
            ["NodegroupName"] = "general",
            ["InstanceTypes"] = new[] { "m5.large", "m5.xlarge" },
            ["Taints"] = Match.Absent(),
        }));
    }

    [Theory]
    [InlineData("dev", new[] { 100, 100 })]
    [InlineData("prod", new[] { 100, 500 })]
    public void LaunchTemplates_PerEnvironment_UseEncryptedGp3SizedFromConfigAndRequireImdsV2(string env, int[] sizes)
    {
        var templates = TemplateJson.Resources(Synth.Env(env).Platform, "AWS::EC2::LaunchTemplate")
            .Select(t => t.Resource["Properties"]!["LaunchTemplateData"]!)
            .ToList();

        Assert.Equal(2, templates.Count);
        var ebs = templates.Select(t => t["BlockDeviceMappings"]![0]!["Ebs"]!).ToList();
        Assert.All(ebs, e => Assert.Equal("gp3", e["VolumeType"]!.GetValue<string>()));
        Assert.All(ebs, e => Assert.True(e["Encrypted"]!.GetValue<bool>()));
        Assert.Equal(sizes.Order(), ebs.Select(e => e["VolumeSize"]!.GetValue<int>()).Order());
        Assert.All(templates, t => Assert.Equal("required", t["MetadataOptions"]!["HttpTokens"]!.GetValue<string>()));
    }

    [Fact]
    public void NodeGroups_Always_RunInPrivateSubnets()
    {
        var subnets = TemplateJson.Resources(Synth.Env("prod").Platform, "AWS::EKS::Nodegroup")
            .SelectMany(n => n.Resource["Properties"]!["Subnets"]!.AsArray())
            .Select(s => s!["Ref"]!.GetValue<string>())
            .ToList();

        Assert.Equal(6, subnets.Count);
        Assert.All(subnets, s => Assert.Contains("privateSubnet", s, StringComparison.Ordinal));
    }
}
