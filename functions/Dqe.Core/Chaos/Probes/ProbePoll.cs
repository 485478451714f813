using System.Text.Json.Serialization;

namespace Dqe.Core.Chaos.Probes;

/// <summary>Every probe measured once at <see cref="At"/>, in one phase of the run (<see cref="ProbePhases"/>).</summary>
public sealed record ProbePoll(DateTimeOffset At, string Phase, IReadOnlyList<ProbeReading> Readings)
{
    public bool Passed => Readings.All(r => r.Passed);

    /// <summary>The failing readings as one line (messages only: the readings are in the JSON already), e.g. <c>trino-up=0 (outside [1, ∞])</c>.</summary>
    [JsonIgnore]
    public string Failures => string.Join("; ", Readings.Where(r => !r.Passed).Select(r => $"{r.Probe}={ProbeBounds.Format(r.Value)}{(r.Error is null ? "" : $" ({r.Error})")}"));
}
