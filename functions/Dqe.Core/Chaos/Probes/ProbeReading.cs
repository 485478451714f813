namespace Dqe.Core.Chaos.Probes;

/// <summary>
/// One measurement of a probe: <see cref="Value"/> is null when nothing could be measured (engine down,
/// query failed, empty PromQL result, timeout); <see cref="Error"/> then says why.
/// </summary>
public sealed record ProbeReading(string Probe, double? Value, bool Passed, string? Error = null);
