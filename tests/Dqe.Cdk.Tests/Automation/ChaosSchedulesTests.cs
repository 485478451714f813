using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.StepFunctions;
using Dqe.Cdk.Automation;
using Dqe.Cdk.Config;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Automation;

public sealed class ChaosSchedulesTests : IDisposable
{
    private const string Valid = """
        apiVersion: dqe.io/v1alpha1
        kind: ChaosCampaign
        name: NAME
        target: {namespace: trino, selector: {app: trino}}
        duration: 5m
        steadyState: {probes: [{name: up, type: trino}]}
        faults: [{name: kill, type: pod-kill}]
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("dqe-campaigns-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Rules_ShippedCampaigns_OneRulePerScheduledFileStartingTheChaosMachineWithIt()
    {
        var scheduled = Directory.GetFiles(Path.Combine(Root(), "chaos", "campaigns"), "*.yaml")
            .Where(f => File.ReadLines(f).Any(l => l.StartsWith("schedule:", StringComparison.Ordinal)))
            .Select(Path.GetFileNameWithoutExtension)
            .ToList();
        var template = Synth.Env("prod").Automation;

        var rules = TemplateJson.ResourceObjects(template, "AWS::Events::Rule")
            .Where(r => r["Properties"]?["Description"]?.GetValue<string>().StartsWith("Chaos campaign ", StringComparison.Ordinal) == true)
            .ToList();

        Assert.NotEmpty(scheduled);
        Assert.Equal(scheduled.Count, rules.Count);
        foreach (var rule in rules)
        {
            var target = rule["Properties"]!["Targets"]![0]!;
            var input = JsonNode.Parse(target["Input"]!.GetValue<string>())!;
            var name = input["campaign"]!["name"]!.GetValue<string>();
            Assert.Contains(name, scheduled);
            Assert.Equal("dqe.io/v1alpha1", input["campaign"]!["apiVersion"]!.GetValue<string>());
            Assert.StartsWith("cron(", rule["Properties"]!["ScheduleExpression"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains("ChaosWorkflow", target["Arn"]!.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WeeklySummary_Prod_MondayRuleStartsTheWeeklyMachine()
    {
        var template = Synth.Env("prod").Automation;

        template.HasResourceProperties("AWS::Events::Rule", Match.ObjectLike(new Dictionary<string, object>
        {
            ["ScheduleExpression"] = "cron(0 6 ? * MON *)",
            ["Targets"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object> { ["Arn"] = Match.ObjectLike(new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("ChaosWeekly") }) })]),
        }));
    }

    [Fact]
    public void Construct_ScheduledAndUnscheduledFiles_RulesOnlyForScheduled()
    {
        File.WriteAllText(Path.Combine(_dir, "a.yaml"), Valid.Replace("NAME", "nightly", StringComparison.Ordinal) + "\nschedule: rate(1 day)\n");
        File.WriteAllText(Path.Combine(_dir, "b.yaml"), Valid.Replace("NAME", "manual", StringComparison.Ordinal));

        var (schedules, stack) = Build();

        Assert.Equal(["nightly"], schedules.Campaigns.Keys);
        Template.FromStack(stack).ResourceCountIs("AWS::Events::Rule", 1);
        Template.FromStack(stack).HasResourceProperties("AWS::Events::Rule", Match.ObjectLike(new Dictionary<string, object> { ["ScheduleExpression"] = "rate(1 day)" }));
    }

    [Fact]
    public void Construct_BadCampaignFile_FailsSynthNamingFileAndField()
    {
        File.WriteAllText(Path.Combine(_dir, "bad.yaml"), Valid.Replace("NAME", "bad", StringComparison.Ordinal).Replace("pod-kill", "datacenter-fire", StringComparison.Ordinal));

        var error = Assert.Throws<ConfigException>(() => Build());

        Assert.Contains("bad.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.faults[0].type", error.Message, StringComparison.Ordinal);
    }

    private (ChaosSchedules Schedules, Stack Stack) Build()
    {
        var stack = new Stack(new App(), "Schedules");
        var machine = new StateMachine(stack, "Chaos", new StateMachineProps { DefinitionBody = DefinitionBody.FromChainable(new Pass(stack, "Noop")) });
        return (new ChaosSchedules(stack, "ChaosSchedules", new ChaosSchedulesProps(machine, null, _dir)), stack);
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "chaos", "campaigns")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("chaos/campaigns not found above the test's bin folder");
    }
}
