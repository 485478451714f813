using Amazon.CDK.Assertions;
using Dqe.Cdk.Config;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Automation;

public class ChaosMeshTests
{
    [Fact]
    public void Chart_Prod_PinnedVersionWithoutDashboard()
    {
        var template = Synth.Env("prod").Automation;

        template.HasResourceProperties("Custom::AWSCDK-EKS-HelmChart", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Chart"] = "chaos-mesh",
            ["Version"] = "2.7.2",
            ["Namespace"] = "chaos-mesh",
            ["Repository"] = "https://charts.chaos-mesh.org",
            ["Values"] = Match.SerializedJson(Match.ObjectLike(new Dictionary<string, object>
            {
                ["dashboard"] = Match.ObjectLike(new Dictionary<string, object> { ["create"] = false }),
            })),
        }));
    }

    [Fact]
    public void Sweeper_Prod_ScheduledEveryThirtyMinutes()
    {
        var template = Synth.Env("prod").Automation;

        template.HasResourceProperties("AWS::Events::Rule", Match.ObjectLike(new Dictionary<string, object>
        {
            ["ScheduleExpression"] = "rate(30 minutes)",
            ["State"] = "ENABLED",
        }));
        template.HasResourceProperties("AWS::StepFunctions::StateMachine", Match.ObjectLike(new Dictionary<string, object>
        {
            ["StateMachineName"] = "dqe-prod-chaos-sweep",
            ["StateMachineType"] = "EXPRESS",
        }));
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("2.7")]
    public void Config_UnpinnedChaosMeshVersion_RejectedNamingTheKey(string version)
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("dev", ctx => ctx["dqe:defaults"]!["automation"]!["chaosMeshVersion"] = version));

        Assert.Contains("automation.chaosMeshVersion", error.Message, StringComparison.Ordinal);
    }
}
