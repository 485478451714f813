using Dqe.Core.Chaos.Campaigns;

namespace Dqe.Core.Chaos.Probes;

/// <summary>Measures one steady-state probe; never throws for an unhealthy target (that is a failed reading).</summary>
public interface IProbeRunner
{
    Task<ProbeReading> MeasureAsync(ProbeSpec probe, CancellationToken cancellationToken);
}
