using Amazon.CDK.Assertions;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Platform;

public sealed class KubernetesClusterTests
{
    private static readonly string[] AllLogTypes = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Cluster_Always_RunsConfiguredVersionWithEncryptedSecretsAndAllLogs(string env)
    {
        var template = Synth.Env(env).Platform;

        template.HasResourceProperties("Custom::AWSCDK-EKS-Cluster", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Config"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["name"] = $"dqe-{env}",
                ["version"] = "1.31",
                ["encryptionConfig"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object> { ["resources"] = new[] { "secrets" } })]),
                ["logging"] = new Dictionary<string, object>
                {
                    ["clusterLogging"] = new[] { new Dictionary<string, object> { ["enabled"] = true, ["types"] = AllLogTypes } },
                },
            }),
        }));
        template.HasResourceProperties("AWS::Logs::LogGroup", Match.ObjectLike(new Dictionary<string, object>
        {
            ["LogGroupName"] = $"/aws/eks/dqe-{env}/cluster",
            ["RetentionInDays"] = Synth.Env(env).Config.LogRetentionDays,
        }));
    }

    [Theory]
    [InlineData("dev", true, new[] { "0.0.0.0/0" })]
    [InlineData("staging", true, new[] { "203.0.113.0/24" })]
    [InlineData("prod", true, new[] { "203.0.113.0/24" })]
    [InlineData("dr", false, new string[0])]
    public void Endpoint_PerEnvironment_IsPrivatePlusPublicOnlyFromConfiguredCidrs(string env, bool publicAccess, string[] cidrs)
    {
        var vpcConfig = new Dictionary<string, object>
        {
            ["endpointPrivateAccess"] = true,
            ["endpointPublicAccess"] = publicAccess,
        };
        if (publicAccess)
        {
            vpcConfig["publicAccessCidrs"] = cidrs;
        }

        Synth.Env(env).Platform.HasResourceProperties("Custom::AWSCDK-EKS-Cluster", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Config"] = Match.ObjectLike(new Dictionary<string, object> { ["resourcesVpcConfig"] = Match.ObjectLike(vpcConfig) }),
        }));
    }

    [Fact]
    public void Cluster_Prod_NeverOpensTheEndpointToTheInternet()
    {
        var clusters = TemplateJson.Resources(Synth.Env("prod").Platform, "Custom::AWSCDK-EKS-Cluster");

        var cidrs = clusters.SelectMany(c => TemplateJson.Strings(c.Resource["Properties"]!["Config"]!["resourcesVpcConfig"]!["publicAccessCidrs"]));
        Assert.DoesNotContain("0.0.0.0/0", cidrs);
    }

    [Fact]
    public void ClusterAutoscaler_Installed_WithPinnedChartOnIrsaAndTagScopedScaling()
    {
        var env = Synth.Env("prod");
        var template = env.Platform;

        template.HasResourceProperties("Custom::AWSCDK-EKS-HelmChart", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Chart"] = "cluster-autoscaler",
            ["Version"] = env.Config.Cluster.ClusterAutoscalerChartVersion,
            ["Namespace"] = "kube-system",
            ["Values"] = Match.SerializedJson(Match.ObjectLike(new Dictionary<string, object>
            {
                ["autoDiscovery"] = new Dictionary<string, object> { ["clusterName"] = "dqe-prod" },
                ["rbac"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["serviceAccount"] = new Dictionary<string, object> { ["create"] = false, ["name"] = "cluster-autoscaler" },
                }),
            })),
        }));

        var scaling = TemplateJson.PolicyStatements(template)
            .Select(s => s.Statement)
            .Single(s => TemplateJson.Strings(s["Action"]).Contains("autoscaling:SetDesiredCapacity"));
        Assert.Equal("owned", scaling["Condition"]!["StringEquals"]!["aws:ResourceTag/k8s.io/cluster-autoscaler/dqe-prod"]!.GetValue<string>());
    }

    [Fact]
    public void EbsCsiDriver_Installed_WithIrsaRoleAndDefaultEncryptedGp3StorageClass()
    {
        var template = Synth.Env("prod").Platform;

        template.HasResourceProperties("AWS::EKS::Addon", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AddonName"] = "aws-ebs-csi-driver",
            ["ServiceAccountRoleArn"] = Match.AnyValue(),
        }));
        var manifests = TemplateJson.Resources(template, "Custom::AWSCDK-EKS-KubernetesResource")
            .Select(m => m.Resource["Properties"]!["Manifest"]!.ToJsonString())
            .ToList();
        var storageClass = Assert.Single(manifests, m => m.Contains("StorageClass", StringComparison.Ordinal));
        Assert.Contains("is-default-class", storageClass, StringComparison.Ordinal);
        Assert.Contains("gp3", storageClass, StringComparison.Ordinal);
        Assert.Contains("encrypted", storageClass, StringComparison.Ordinal);
    }

    [Fact]
    public void IrsaRoles_TrustOnlyTheirServiceAccount()
    {
        var trustDocuments = TemplateJson.Resources(Synth.Env("prod").Platform, "AWS::IAM::Role")
            .Select(r => r.Resource["Properties"]!["AssumeRolePolicyDocument"]!.ToJsonString())
            .Where(d => d.Contains("sts:AssumeRoleWithWebIdentity", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(3, trustDocuments.Count); // cluster-autoscaler, the EBS CSI controller and the External Secrets operator
        Assert.All(trustDocuments, d => Assert.Contains("StringEquals", d, StringComparison.Ordinal));
    }

    [Fact]
    public void AdminRoles_Configured_GetClusterAdminAccessEntries()
    {
        const string Arn = "arn:aws:iam::123456789012:role/platform-admin";
        var template = Synth.Fresh("staging", ctx => ctx["dqe:environments"]!["staging"]!["cluster"]!["adminRoleArns"] = new System.Text.Json.Nodes.JsonArray(Arn)).Platform;

        var entry = Assert.Single(TemplateJson.Resources(template, "AWS::EKS::AccessEntry"), e => e.Resource["Properties"]!["PrincipalArn"]!.ToJsonString().Contains(Arn, StringComparison.Ordinal));
        var policies = entry.Resource["Properties"]!["AccessPolicies"]!.ToJsonString();
        Assert.Contains("AmazonEKSClusterAdminPolicy", policies, StringComparison.Ordinal);
        Assert.Contains("\"Type\":\"cluster\"", policies, StringComparison.Ordinal);
    }
}
