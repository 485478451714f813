namespace Dqe.Workflows;

/// <summary>The Dqe state machines, by the names the CDK app, the local runner and the CLI share.</summary>
public static class WorkflowNames
{
    public const string Benchmark = "benchmark";
    public const string Chaos = "chaos";
    public const string ChaosSweep = "chaos-sweep";
    public const string ChaosWeekly = "chaos-weekly";
    public const string Backup = "backup";
    public const string DisasterRecovery = "dr-drill";
    public const string Remediation = "remediation";
    public const string RestoreExtras = "restore-extras";

    public static IReadOnlyList<string> All { get; } = [Benchmark, Chaos, ChaosSweep, ChaosWeekly, Backup, DisasterRecovery, Remediation, RestoreExtras];
}
