using Amazon.CDK.Assertions;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Automation;

public class BackupSchedulesTests
{
    [Theory]
    [InlineData("cron(0 2 ? * SUN *)", "\"kind\":\"full\"")]
    [InlineData("cron(0 2 ? * MON-SAT *)", "\"kind\":\"incremental\"")]
    [InlineData("cron(0 3 ? * WED *)", "\"scenario\":\"replica-loss\"")]
    public void Automation_Schedules_StartTheirStateMachineWithInput(string cron, string input)
    {
        var rules = Synth.Env("dev").Automation.FindResources("AWS::Events::Rule", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Properties"] = new Dictionary<string, object> { ["ScheduleExpression"] = cron },
        }));

        var rule = Assert.Single(rules).Value;
        var target = System.Text.Json.JsonSerializer.SerializeToNode(rule)!["Properties"]!["Targets"]![0]!;
        Assert.Contains(input, target["Input"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith(input.Contains("scenario", StringComparison.Ordinal) ? "DrDrillWorkflow" : "BackupWorkflow", target["Arn"]!["Ref"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dr", 1)]
    [InlineData("prod", 0)]
    [InlineData("dev", 0)]
    public void Automation_ReceivesReplica_MonthlyRegionRestoreDrillOnlyThere(string env, int expected)
    {
        var rules = Synth.Env(env).Automation.FindResources("AWS::Events::Rule", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Properties"] = new Dictionary<string, object> { ["ScheduleExpression"] = "cron(0 5 ? * SUN#1 *)" },
        }));

        Assert.Equal(expected, rules.Count);
        foreach (var rule in rules.Values)
        {
            var target = System.Text.Json.JsonSerializer.SerializeToNode(rule)!["Properties"]!["Targets"]![0]!;
            Assert.Equal("""{"scenario":"region-restore","dryRun":false}""", target["Input"]!.GetValue<string>());
            Assert.StartsWith("DrDrillWorkflow", target["Arn"]!["Ref"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Automation_BackupSchedules_NameTheClickHouseVolumesByTheirCsiTag()
    {
        var rules = Synth.Env("dev").Automation.FindResources("AWS::Events::Rule", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Properties"] = new Dictionary<string, object> { ["ScheduleExpression"] = "cron(0 2 ? * SUN *)" },
        }));

        var input = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.SerializeToNode(Assert.Single(rules).Value)!["Properties"]!["Targets"]![0]!["Input"]!.GetValue<string>())!;
        Assert.Equal("tag:kubernetes.io/created-for/pvc/namespace", (string?)input["volumeFilter"]!["name"]);
        Assert.Equal("clickhouse", (string?)input["volumeFilter"]!["values"]![0]);
    }
}
