using Amazon.CDK.AWS.SQS;
using Dqe.Core.Chaos.Reports;
using Dqe.Core.Recovery;
using Dqe.Workflows;
using Dqe.Workflows.Building;

namespace Dqe.Cdk.Automation;

/// <param name="EnvName">Environment name (alarm names and descriptions).</param>
/// <param name="StateMachines">Workflow name → state machine: one failure alarm each.</param>
/// <param name="Escalation">
/// Alert remediation: alarm and OK notifications go to its escalation topic, and it lets CloudWatch publish there.
/// </param>
public sealed record WorkflowAlarmsProps(string EnvName, IReadOnlyDictionary<string, DqeStateMachine> StateMachines, Remediation Escalation)
{
    /// <summary>
    /// Where each workflow writes its report in the reports bucket (named in the alarm's description); workflows
    /// without one are diagnosed from their execution history alone. Default: <see cref="ReportPrefixesDefault"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> ReportPrefixes { get; init; } = ReportPrefixesDefault;

    /// <summary>The schedules' dead-letter queue (<see cref="WorkflowSchedule.FindDeadLetters"/>); null = the stack has no schedule, no alarm.</summary>
    public IQueue? DeadLetters { get; init; }

    /// <summary>Length of the one period an alarm evaluates, in minutes (1 to 60). Default 5.</summary>
    public int PeriodMinutes { get; init; } = 5;

    /// <summary>Prefixes of the reports the benchmark, chaos and drill workflows write (see their report writers in Dqe.Core).</summary>
    public static IReadOnlyDictionary<string, string> ReportPrefixesDefault { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // BenchKeys.Dated (internal to Dqe.Core) builds the benchmark's keys.
        [WorkflowNames.Benchmark] = "reports/",
        [WorkflowNames.DisasterRecovery] = DrillReport.Prefix,
        [WorkflowNames.Chaos] = ChaosReportKeys.RunsPrefix,
        [WorkflowNames.ChaosWeekly] = ChaosReportKeys.WeeklyPrefix,
    };
}
