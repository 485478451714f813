using Amazon.CDK;
using Amazon.CDK.Assertions;
using Schedule = Amazon.CDK.AWS.Events.Schedule;
using Amazon.CDK.AWS.StepFunctions;
using Dqe.Cdk.Automation;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Automation;

public sealed class WorkflowScheduleTests
{
    [Fact]
    public void Construct_TwoSchedules_ShareOneEncryptedDeadLetterQueueAndRetryPolicy()
    {
        var (stack, machine) = NewStack();
        var first = new WorkflowSchedule(stack, "First", new WorkflowScheduleProps(Schedule.Expression("rate(1 day)"), machine));
        var second = new WorkflowSchedule(stack, "Second", new WorkflowScheduleProps(Schedule.Expression("cron(0 3 ? * WED *)"), machine));

        var template = Template.FromStack(stack);

        Assert.Same(first.DeadLetters, second.DeadLetters);
        template.ResourceCountIs("AWS::SQS::Queue", 1);
        template.HasResourceProperties("AWS::SQS::Queue", Match.ObjectLike(new Dictionary<string, object>
        {
            ["SqsManagedSseEnabled"] = true,
            ["MessageRetentionPeriod"] = 14 * 24 * 3600,
        }));
        var queue = Assert.Single(TemplateJson.Resources(template, "AWS::SQS::Queue")).Id;
        var rules = TemplateJson.ResourceObjects(template, "AWS::Events::Rule");
        Assert.Equal(2, rules.Count);
        foreach (var target in rules.Select(r => r["Properties"]!["Targets"]![0]!))
        {
            Assert.Equal(queue, (string?)target["DeadLetterConfig"]!["Arn"]!["Fn::GetAtt"]![0]);
            Assert.Equal(WorkflowSchedule.RetryAttempts, (int)target["RetryPolicy"]!["MaximumRetryAttempts"]!);
            Assert.Equal(3600, (int)target["RetryPolicy"]!["MaximumEventAgeInSeconds"]!);
        }
    }

    [Fact]
    public void Construct_DeadLetterQueue_AcceptsOnlyTheScheduleRulesAndOnlyOverTls()
    {
        var (stack, machine) = NewStack();
        _ = new WorkflowSchedule(stack, "First", new WorkflowScheduleProps(Schedule.Expression("rate(1 day)"), machine));
        _ = new WorkflowSchedule(stack, "Second", new WorkflowScheduleProps(Schedule.Expression("rate(2 days)"), machine));

        var template = Template.FromStack(stack);

        var ruleIds = TemplateJson.Resources(template, "AWS::Events::Rule").Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        var statements = Assert.Single(TemplateJson.ResourceObjects(template, "AWS::SQS::QueuePolicy"))["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray();
        var sends = statements.Where(s => (string?)s!["Effect"] == "Allow").ToList();
        Assert.All(sends, s =>
        {
            Assert.Equal("sqs:SendMessage", (string?)s!["Action"]);
            Assert.Equal("events.amazonaws.com", (string?)s["Principal"]!["Service"]);
        });
        Assert.Equal(ruleIds, sends.Select(s => (string)s!["Condition"]!["ArnEquals"]!["aws:SourceArn"]!["Fn::GetAtt"]![0]!).Order(StringComparer.Ordinal));
        Assert.Contains(statements, s => (string?)s!["Effect"] == "Deny" && (string?)s["Condition"]!["Bool"]!["aws:SecureTransport"] == "false");
    }

    [Fact]
    public void Construct_Input_SerializedIntoTheTargetAndTheRoleStartsOnlyThatMachine()
    {
        var (stack, machine) = NewStack();
        _ = new WorkflowSchedule(stack, "Drill", new WorkflowScheduleProps(Schedule.Expression("rate(7 days)"), machine)
        {
            Description = "drill",
            Input = new Dictionary<string, object> { ["scenario"] = "replica-loss", ["dryRun"] = false },
        });

        var template = Template.FromStack(stack);

        var rule = Assert.Single(TemplateJson.ResourceObjects(template, "AWS::Events::Rule"))["Properties"]!;
        Assert.Equal("drill", (string?)rule["Description"]);
        Assert.Equal("ENABLED", (string?)rule["State"]);
        Assert.Equal("""{"scenario":"replica-loss","dryRun":false}""", (string?)rule["Targets"]![0]!["Input"]);
        var machineId = Assert.Single(TemplateJson.Resources(template, "AWS::StepFunctions::StateMachine")).Id;
        var start = Assert.Single(TemplateJson.PolicyStatements(template), s => s.Statement["Action"]?.ToJsonString() == "\"states:StartExecution\"").Statement;
        Assert.Equal(machineId, (string?)start["Resource"]!["Ref"]);
    }

    [Fact]
    public void Construct_NoInputAndDisabled_TargetGetsTheEventAndRuleIsDisabled()
    {
        var (stack, machine) = NewStack();
        _ = new WorkflowSchedule(stack, "Sweep", new WorkflowScheduleProps(Schedule.Rate(Duration.Minutes(30)), machine) { Enabled = false });

        var rule = Assert.Single(TemplateJson.ResourceObjects(Template.FromStack(stack), "AWS::Events::Rule"))["Properties"]!;

        Assert.Equal("DISABLED", (string?)rule["State"]);
        Assert.Equal("rate(30 minutes)", (string?)rule["ScheduleExpression"]);
        Assert.Null(rule["Targets"]![0]!["Input"]);
    }

    [Fact]
    public void Construct_RuleIsTheDefaultChild_LogicalIdAsIfCreatedAtTheSchedulePath()
    {
        var (stack, machine) = NewStack();
        var schedule = new WorkflowSchedule(stack, "ChaosSweepSchedule", new WorkflowScheduleProps(Schedule.Rate(Duration.Minutes(30)), machine));

        var id = Assert.Single(TemplateJson.Resources(Template.FromStack(stack), "AWS::Events::Rule")).Id;

        // Rules deployed before the helper existed keep their logical ids: no replacement on the next deploy.
        Assert.Equal(stack.GetLogicalId((CfnElement)schedule.Rule.Node.DefaultChild!), id);
        Assert.StartsWith("ChaosSweepSchedule", id, StringComparison.Ordinal);
        Assert.DoesNotContain("Default", id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("dr")]
    public void Automation_EveryScheduledRule_DeadLettersToTheOneQueueWithRetries(string env)
    {
        var template = Synth.Env(env).Automation;

        var queue = Assert.Single(TemplateJson.Resources(template, "AWS::SQS::Queue"), q => q.Id.StartsWith(WorkflowSchedule.DeadLettersId, StringComparison.Ordinal)).Id;
        var scheduled = TemplateJson.ResourceObjects(template, "AWS::Events::Rule").Where(r => r["Properties"]!["ScheduleExpression"] is not null).ToList();
        // Backups, drills, chaos campaigns, the weekly summary, the sweep and the nightly benchmarks.
        Assert.True(scheduled.Count >= 7, $"only {scheduled.Count} scheduled rules");
        foreach (var target in scheduled.SelectMany(r => r["Properties"]!["Targets"]!.AsArray()))
        {
            Assert.Equal(queue, (string?)target!["DeadLetterConfig"]?["Arn"]?["Fn::GetAtt"]?[0]);
            Assert.Equal(WorkflowSchedule.RetryAttempts, (int?)target["RetryPolicy"]?["MaximumRetryAttempts"]);
        }
    }

    private static (Stack Stack, StateMachine Machine) NewStack()
    {
        var stack = new Stack(new App(), "Schedules");
        var machine = new StateMachine(stack, "Machine", new StateMachineProps { DefinitionBody = DefinitionBody.FromChainable(new Pass(stack, "Noop")) });
        return (stack, machine);
    }
}
