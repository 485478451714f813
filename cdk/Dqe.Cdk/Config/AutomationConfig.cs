namespace Dqe.Cdk.Config;

/// <summary>The Lambda functions and state machines that run drills and remediation.</summary>
public sealed record AutomationConfig
{
    /// <summary>Sizing every function starts from.</summary>
    public FunctionConfig FunctionDefaults { get; init; } = new();

    /// <summary>Per-handler overrides of <see cref="FunctionDefaults"/>, keyed by handler name (e.g. "dqe.ping").</summary>
    public IReadOnlyDictionary<string, FunctionConfig> Functions { get; init; } = new Dictionary<string, FunctionConfig>();

    /// <summary>
    /// Email subscribed to the escalation topic, which pages on remediation that needs a human, failed workflow runs
    /// and schedules that could not start (<c>docs/schedules.md</c>); empty = subscribe later (SNS asks the address to confirm).
    /// </summary>
    public string EscalationEmail { get; init; } = "";

    /// <summary>Chaos Mesh Helm chart version, pinned (x.y.z).</summary>
    public string ChaosMeshVersion { get; init; } = "2.7.2";

    /// <summary>Nightly benchmark schedule (off unless enabled with an engine URL).</summary>
    public BenchmarkScheduleConfig Benchmark { get; init; } = new();
}
