namespace Dqe.Core.Chaos.Campaigns;

/// <summary>The probes that define "healthy", and how long the system gets to return to it after the faults.</summary>
public sealed record SteadyStateSpec(IReadOnlyList<ProbeSpec> Probes, string RecoveryTimeout = "5m");
