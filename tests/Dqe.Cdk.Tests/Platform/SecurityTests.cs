using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Platform;

/// <summary>Cross-cutting security properties, checked over every resource of the synthesized stacks.</summary>
public sealed class SecurityTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    [InlineData("dr")]
    public void IamPolicies_Always_HaveNoWildcardActionOnAllResources(string env)
    {
        var synthesized = Synth.Env(env);
        var offenders = new[] { synthesized.Platform, synthesized.Automation }
            .SelectMany(TemplateJson.PolicyStatements)
            .Where(s => s.Statement["Effect"]!.GetValue<string>() == "Allow")
            .Where(s => TemplateJson.Strings(s.Statement["Action"]).Any(a => a.Contains('*', StringComparison.Ordinal))
                && TemplateJson.Strings(s.Statement["Resource"]).Contains("*"))
            .Select(s => s.Id)
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void KmsKeys_Always_RotateAutomatically()
    {
        var keys = TemplateJson.Resources(Synth.Env("prod").Platform, "AWS::KMS::Key").ToList();

        Assert.Equal(2, keys.Count); // data key and EKS secrets key
        Assert.All(keys, k => Assert.True(k.Resource["Properties"]!["EnableKeyRotation"]!.GetValue<bool>()));
    }

    [Fact]
    public void Vpc_Always_LogsAllTrafficAndRoutesS3ThroughGatewayEndpoint()
    {
        var template = Synth.Env("prod").Platform;

        template.HasResourceProperties("AWS::EC2::FlowLog", new Dictionary<string, object> { ["TrafficType"] = "ALL", ["ResourceType"] = "VPC", ["LogDestinationType"] = "cloud-watch-logs", ["LogGroupName"] = Amazon.CDK.Assertions.Match.AnyValue(), ["DeliverLogsPermissionArn"] = Amazon.CDK.Assertions.Match.AnyValue(), ["ResourceId"] = Amazon.CDK.Assertions.Match.AnyValue(), ["Tags"] = Amazon.CDK.Assertions.Match.AnyValue() });
        template.HasResourceProperties("AWS::EC2::VPCEndpoint", Amazon.CDK.Assertions.Match.ObjectLike(new Dictionary<string, object> { ["VpcEndpointType"] = "Gateway" }));
    }
}
