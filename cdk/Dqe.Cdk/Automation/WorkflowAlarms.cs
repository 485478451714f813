using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.SQS;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using Dqe.Workflows.Building;

namespace Dqe.Cdk.Automation;

/// <summary>
/// Tells a human when a workflow did not do its job: one alarm per state machine on runs that failed, timed out or
/// were aborted (AWS/States by StateMachineArn, their sum ≥ 1 in one period), and one on the schedules' dead-letter
/// queue (a backup, drill, campaign or benchmark that never started). Alarm and OK notifications go to the
/// remediation escalation topic, where people subscribe. The remediation workflow is alarmed too: it fails only when
/// its own escalate step failed, i.e. exactly when nobody was paged, and CloudWatch publishes to the topic directly
/// (nothing subscribes the topic back into remediation), so this cannot loop. No data (no runs) is not a failure.
/// </summary>
public sealed class WorkflowAlarms : Construct
{
    private readonly Dictionary<string, Alarm> _failures = new(StringComparer.Ordinal);

    public WorkflowAlarms(Construct scope, string id, WorkflowAlarmsProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        ArgumentException.ThrowIfNullOrWhiteSpace(props.EnvName);
        ArgumentNullException.ThrowIfNull(props.StateMachines);
        ArgumentNullException.ThrowIfNull(props.Escalation);
        ArgumentNullException.ThrowIfNull(props.ReportPrefixes);
        ArgumentOutOfRangeException.ThrowIfLessThan(props.PeriodMinutes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(props.PeriodMinutes, 60);
        NamePrefix = $"dqe-{props.EnvName}-workflows-";
        var period = Duration.Minutes(props.PeriodMinutes);
        var notify = new SnsAction(props.Escalation.Topic);
        props.Escalation.GrantAlarmPublish(NamePrefix);

        foreach (var (name, machine) in props.StateMachines.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var alarm = Failure(name, machine, props, period);
            Notify(alarm, notify);
            _failures.Add(name, alarm);
        }

        if (props.DeadLetters is { } queue)
        {
            DeadLetters = DeadLetterAlarm(queue, props, period);
            Notify(DeadLetters, notify);
        }
    }

    /// <summary>What every alarm name starts with (dqe-ENV-workflows-): CloudWatch may publish only for these.</summary>
    public string NamePrefix { get; }

    /// <summary>The failed-runs alarm of each workflow, by workflow name.</summary>
    public IReadOnlyDictionary<string, Alarm> Failures => _failures;

    /// <summary>The alarm on scheduled firings that could not start their workflow; null without schedules.</summary>
    public Alarm? DeadLetters { get; }

    private static void Notify(Alarm alarm, SnsAction notify)
    {
        alarm.AddAlarmAction(notify);
        alarm.AddOkAction(notify);
    }

    private Alarm Failure(string name, DqeStateMachine machine, WorkflowAlarmsProps props, Duration period)
    {
        var stateMachine = machine.StateMachine;
        var metrics = new MetricOptions { Period = period, Statistic = Stats.SUM };
        var failed = new MathExpression(new MathExpressionProps
        {
            Expression = "failed + timedOut + aborted",
            UsingMetrics = new Dictionary<string, IMetric>
            {
                ["failed"] = stateMachine.MetricFailed(metrics),
                ["timedOut"] = stateMachine.MetricTimedOut(metrics),
                ["aborted"] = stateMachine.MetricAborted(metrics),
            },
            Label = $"{name}: failed + timed out + aborted runs",
            Period = period,
        });
        var machineName = DqeStateMachine.StateMachineName(props.EnvName, name);
        var history = machine.Workflow.Type == StateMachineType.EXPRESS
            ? $"Express workflow: its runs are in the log group {DqeStateMachine.LogGroupName(props.EnvName, name)} (CloudWatch Logs Insights, filter type = ExecutionFailed / ExecutionTimedOut / ExecutionAborted)."
            : $"Open the run's execution history: Step Functions console > {machineName} > Executions (status Failed, Timed out, Aborted), or aws stepfunctions list-executions --state-machine-arn <arn of {machineName}> --status-filter FAILED; the log group is {DqeStateMachine.LogGroupName(props.EnvName, name)}.";
        var report = props.ReportPrefixes.TryGetValue(name, out var prefix)
            ? $" The run's report (if it got that far) is under s3://<reports bucket>/{prefix} (PlatformStack output ReportsBucket)."
            : string.Empty;
        return AtLeastOne($"{Stacks.AutomationStack.FunctionId(name)}Failed", $"{name}-failed",
            $"Dqe {props.EnvName}: a run of the {name} workflow ({machine.Workflow.Description}) failed, timed out or was aborted in the last {props.PeriodMinutes} minutes. {history}{report}",
            failed);
    }

    private Alarm DeadLetterAlarm(IQueue queue, WorkflowAlarmsProps props, Duration period) =>
        AtLeastOne("ScheduleDeadLetters", "schedule-dead-letters",
            $"Dqe {props.EnvName}: a scheduled backup, drill, chaos campaign or benchmark could not start its workflow (EventBridge gave up after {WorkflowSchedule.RetryAttempts} retries). "
                + $"Read the messages of the {WorkflowSchedule.DeadLettersId} queue (aws sqs receive-message --attribute-names All --message-attribute-names All): they name the rule and the error; see docs/schedules.md.",
            queue.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Period = period, Statistic = Stats.MAXIMUM }));

    /// <summary>In alarm as soon as one period's value reaches 1; a period without data (nothing ran) is fine.</summary>
    private Alarm AtLeastOne(string id, string name, string description, IMetric metric) =>
        new(this, id, new AlarmProps
        {
            AlarmName = NamePrefix + name,
            AlarmDescription = description,
            Metric = metric,
            Threshold = 1,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            EvaluationPeriods = 1,
            DatapointsToAlarm = 1,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
}
