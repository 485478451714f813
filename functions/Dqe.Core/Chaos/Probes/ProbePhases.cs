namespace Dqe.Core.Chaos.Probes;

/// <summary>When a poll was taken: before injecting, while the faults run, after recovery.</summary>
public static class ProbePhases
{
    public const string Before = "before";
    public const string During = "during";
    public const string After = "after";
}
