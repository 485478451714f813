using System.Text.Json.Nodes;
using Amazon.CDK;
using Dqe.Cdk.Automation;
using Dqe.Cdk.Tests.TestHelpers;
using Dqe.Core.Chaos.Reports;
using Dqe.Workflows;

namespace Dqe.Cdk.Tests.Automation;

/// <summary>The failed-run alarms of every workflow, the dead-letter alarm, and how they reach the escalation topic.</summary>
public sealed class WorkflowAlarmsTests
{
    private const string Prefix = "dqe-dev-workflows-";

    private static Amazon.CDK.Assertions.Template Automation => Synth.Env("dev").Automation;

    private static IReadOnlyList<JsonObject> Alarms(Amazon.CDK.Assertions.Template template) =>
        [.. TemplateJson.ResourceObjects(template, "AWS::CloudWatch::Alarm").Select(a => a["Properties"]!.AsObject())];

    private static JsonObject Alarm(string name) => Alarms(Automation).Single(a => (string?)a["AlarmName"] == name);

    private static string EscalationTopicId() =>
        TemplateJson.Resources(Automation, "AWS::SNS::Topic").Single(t => (string?)t.Resource["Properties"]!["TopicName"] == "dqe-dev-remediation-escalations").Id;

    [Fact]
    public void Alarms_EveryStateMachine_OneAlarmOnTheSumOfFailedTimedOutAndAbortedRuns()
    {
        var machines = TemplateJson.Resources(Automation, "AWS::StepFunctions::StateMachine").ToList();
        var failureAlarms = Alarms(Automation).Where(a => a["Metrics"] is not null).ToList();

        Assert.Equal(WorkflowCatalog.All.Count, machines.Count);
        Assert.Equal(machines.Count, failureAlarms.Count);
        foreach (var (machineId, machine) in machines)
        {
            var name = ((string)machine["Properties"]!["StateMachineName"]!)["dqe-dev-".Length..];
            var alarm = Assert.Single(failureAlarms, a => (string?)a["AlarmName"] == $"{Prefix}{name}-failed");
            var queries = alarm["Metrics"]!.AsArray().Select(m => m!.AsObject()).ToList();
            var expression = Assert.Single(queries, q => q["Expression"] is not null);
            Assert.Equal("failed + timedOut + aborted", (string?)expression["Expression"]);
            // The alarm evaluates the one query that returns data (CloudWatch's default when ReturnData is absent).
            Assert.NotEqual(false, (bool?)expression["ReturnData"]);
            var stats = queries.Where(q => q["MetricStat"] is not null).ToList();
            Assert.Equal(["ExecutionsAborted", "ExecutionsFailed", "ExecutionsTimedOut"], stats.Select(s => (string)s["MetricStat"]!["Metric"]!["MetricName"]!).Order(StringComparer.Ordinal));
            Assert.All(stats, s =>
            {
                var stat = s["MetricStat"]!;
                Assert.Equal("AWS/States", (string?)stat["Metric"]!["Namespace"]);
                var dimension = Assert.Single(stat["Metric"]!["Dimensions"]!.AsArray())!;
                Assert.Equal("StateMachineArn", (string?)dimension["Name"]);
                Assert.Equal(machineId, (string?)dimension["Value"]!["Ref"]);
                Assert.Equal(("Sum", 300), ((string)stat["Stat"]!, (int)stat["Period"]!));
                Assert.False((bool)s["ReturnData"]!);
            });
            Assert.Equal((1.0, "GreaterThanOrEqualToThreshold", 1, "notBreaching"),
                ((double)alarm["Threshold"]!, (string)alarm["ComparisonOperator"]!, (int)alarm["EvaluationPeriods"]!, (string)alarm["TreatMissingData"]!));
        }
    }

    [Fact]
    public void Alarms_ScheduleDeadLetterQueue_AlarmsOnOneVisibleMessage()
    {
        var queue = Assert.Single(TemplateJson.Resources(Automation, "AWS::SQS::Queue"), q => q.Id.StartsWith(WorkflowSchedule.DeadLettersId, StringComparison.Ordinal)).Id;

        var alarm = Alarm($"{Prefix}schedule-dead-letters");

        Assert.Equal(("AWS/SQS", "ApproximateNumberOfMessagesVisible", "Maximum", 300),
            ((string)alarm["Namespace"]!, (string)alarm["MetricName"]!, (string)alarm["Statistic"]!, (int)alarm["Period"]!));
        var dimension = Assert.Single(alarm["Dimensions"]!.AsArray())!;
        Assert.Equal("QueueName", (string?)dimension["Name"]);
        Assert.Equal(queue, (string?)dimension["Value"]!["Fn::GetAtt"]![0]);
        Assert.Equal((1.0, "GreaterThanOrEqualToThreshold", "notBreaching"),
            ((double)alarm["Threshold"]!, (string)alarm["ComparisonOperator"]!, (string)alarm["TreatMissingData"]!));
    }

    [Fact]
    public void Alarms_Every_AlarmAndOkGoToTheEscalationTopic()
    {
        var topic = EscalationTopicId();
        var alarms = Alarms(Automation);

        Assert.NotEmpty(alarms);
        Assert.All(alarms, a =>
        {
            Assert.StartsWith(Prefix, (string)a["AlarmName"]!, StringComparison.Ordinal);
            Assert.Equal([topic], a["AlarmActions"]!.AsArray().Select(x => (string)x!["Ref"]!));
            Assert.Equal([topic], a["OKActions"]!.AsArray().Select(x => (string)x!["Ref"]!));
        });
    }

    [Fact]
    public void KeyPolicy_CloudWatch_MayUseTheKeyOnlyForThisTopicFromTheseAlarms()
    {
        var key = Assert.Single(TemplateJson.ResourceObjects(Automation, "AWS::KMS::Key"));
        var statements = key["Properties"]!["KeyPolicy"]!["Statement"]!.AsArray().Select(s => s!.AsObject()).ToList();

        var cloudWatch = Assert.Single(statements, s => s["Principal"]?["Service"]?.ToJsonString() == "\"cloudwatch.amazonaws.com\"");

        Assert.Equal(["kms:Decrypt", "kms:GenerateDataKey*"], IamPolicies.Actions(cloudWatch).Order(StringComparer.Ordinal));
        Assert.Matches(":sns:[^:]+:[^:]+:dqe-dev-remediation-escalations$", TemplateJson.Flatten(cloudWatch["Condition"]!["StringEquals"]!["kms:EncryptionContext:aws:sns:topicArn"]));
        AssertFromTheseAlarms(cloudWatch);
    }

    [Fact]
    public void TopicPolicy_CloudWatch_MayPublishOnlyFromTheseAlarmsAndStillOnlyOverTls()
    {
        var topic = EscalationTopicId();
        var policy = Assert.Single(TemplateJson.ResourceObjects(Automation, "AWS::SNS::TopicPolicy"),
            p => p["Properties"]!["Topics"]!.AsArray().Any(t => (string?)t!["Ref"] == topic))["Properties"]!;
        var statements = policy["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()).ToList();

        var publish = Assert.Single(statements, s => (string?)s["Effect"] == "Allow");

        Assert.Equal("cloudwatch.amazonaws.com", (string?)publish["Principal"]!["Service"]);
        Assert.Equal(["sns:Publish"], IamPolicies.Actions(publish));
        Assert.Equal(topic, (string?)publish["Resource"]!["Ref"]);
        AssertFromTheseAlarms(publish);
        Assert.Contains(statements, s => (string?)s["Effect"] == "Deny" && (string?)s["Condition"]!["Bool"]!["aws:SecureTransport"] == "false");
    }

    [Theory]
    [InlineData(WorkflowNames.Chaos, "Step Functions console > dqe-dev-chaos > Executions", ChaosReportKeys.RunsPrefix)]
    [InlineData(WorkflowNames.DisasterRecovery, "--status-filter FAILED", "dr-drills/")]
    [InlineData(WorkflowNames.ChaosSweep, "Express workflow: its runs are in the log group /aws/vendedlogs/states/dqe-dev-chaos-sweep", null)]
    [InlineData(WorkflowNames.Remediation, "dqe-dev-remediation > Executions", null)]
    public void Description_EachWorkflow_SaysWhichWorkflowAndWhereToLook(string workflow, string history, string? reports)
    {
        var description = (string)Alarm($"{Prefix}{workflow}-failed")["AlarmDescription"]!;

        Assert.StartsWith($"Dqe dev: a run of the {workflow} workflow (", description, StringComparison.Ordinal);
        Assert.Contains(history, description, StringComparison.Ordinal);
        Assert.Equal(reports is not null, description.Contains("s3://<reports bucket>/", StringComparison.Ordinal));
        if (reports is not null)
        {
            Assert.Contains($"s3://<reports bucket>/{reports} ", description, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    [InlineData("dr")]
    public void Synth_EveryEnvironment_AlarmsEachStateMachineAndTheDeadLetters(string env)
    {
        var synthesized = Synth.Env(env);
        var alarms = synthesized.Stacks.Automation.Alarms;

        Assert.NotNull(alarms);
        Assert.Equal(synthesized.Stacks.Automation.StateMachines.Keys.Order(StringComparer.Ordinal), alarms.Failures.Keys.Order(StringComparer.Ordinal));
        Assert.NotNull(alarms.DeadLetters);
        var all = Alarms(synthesized.Automation);
        Assert.Equal(alarms.Failures.Count + 1, all.Count);
        // CloudWatch rejects longer descriptions at deploy time.
        Assert.All(all, a => Assert.InRange(((string)a["AlarmDescription"]!).Length, 1, 1024));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void Construct_PeriodOutOfRange_ThrowsAndCreatesNoAlarm(int minutes)
    {
        var automation = Synth.Env("dev").Stacks.Automation;
        var stack = new Stack(new App(), "Alarms");
        var props = new WorkflowAlarmsProps("dev", automation.StateMachines, automation.Remediation!) { PeriodMinutes = minutes };

        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkflowAlarms(stack, "Alarms", props));
        Assert.Single(stack.Node.Children, c => c.Node.Id == "Alarms");
        Assert.Empty(stack.Node.FindChild("Alarms").Node.Children);
    }

    private static void AssertFromTheseAlarms(JsonObject statement)
    {
        var condition = statement["Condition"]!;
        Assert.Matches($@":cloudwatch:[^:]+:[^:]+:alarm:{Prefix}\*$", TemplateJson.Flatten(condition["ArnLike"]!["aws:SourceArn"]));
        // This stack's account: the AWS::AccountId pseudo parameter, or the configured 12-digit account.
        Assert.Matches(@"^(\{""Ref"":""AWS::AccountId""\}|""\d{12}"")$", condition["StringEquals"]!["aws:SourceAccount"]!.ToJsonString());
    }
}
