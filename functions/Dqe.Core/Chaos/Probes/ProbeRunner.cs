using Dqe.Core.Chaos.Campaigns;
using Dqe.Core.Engines;
using Dqe.Core.Engines.ClickHouse;

namespace Dqe.Core.Chaos.Probes;

/// <summary>
/// Measures probes against the engines and Prometheus (docs/chaos.md, "Probe types"). Each measurement is
/// bounded by the probe's <c>timeout</c>; a failure to measure is a failed reading with the reason, never an
/// exception, so one dead engine cannot hide the other probes' values. Engines are resolved on first use.
/// </summary>
internal sealed class ProbeRunner(ProbeTargets targets, TimeProvider time) : IProbeRunner
{
    public async Task<ProbeReading> MeasureAsync(ProbeSpec probe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var bounds = ProbeBounds.Of(probe);
        GoDuration.TryParse(probe.Timeout, out var timeout);
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var value = await ValueAsync(probe, linked.Token).ConfigureAwait(false);
            return new ProbeReading(probe.Name, value, ProbeBounds.Within(value, bounds), value is null ? "no sample" : null);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or QueryEngineException or OperationCanceledException or InvalidOperationException or IOException)
        {
            var reason = deadline.IsCancellationRequested ? $"timed out after {probe.Timeout}" : e.Message;
            // A Trino probe's value is whether it answered: a failure is the value 0, not a missing one.
            return new ProbeReading(probe.Name, probe.Type == ProbeTypes.Trino ? 0 : null, false, reason);
        }
    }

    private async Task<double?> ValueAsync(ProbeSpec probe, CancellationToken cancellationToken)
    {
        switch (probe.Type)
        {
            case ProbeTypes.PromQl:
                return await targets.Prometheus().QueryAsync(probe.Query!, cancellationToken).ConfigureAwait(false);
            case ProbeTypes.Trino:
                await RunAsync(targets.Trino(), probe.Query ?? "SELECT 1", cancellationToken).ConfigureAwait(false);
                return 1;
            case ProbeTypes.ClickHouse:
                var health = await new ClickHouseHealthService(targets.ClickHouse(), new ClickHouseHealthOptions()).CheckAsync(cancellationToken).ConfigureAwait(false);
                return health.Healthy || health.Problems.All(p => p.Contains(" s behind", StringComparison.Ordinal))
                    ? health.Replicas.Select(r => (double)r.AbsoluteDelaySeconds).DefaultIfEmpty(0).Max()
                    : throw new InvalidOperationException(string.Join("; ", health.Problems));
            case ProbeTypes.Latency:
                var engine = probe.Engine == "clickhouse" ? targets.ClickHouse() : targets.Trino();
                var started = time.GetTimestamp();
                await RunAsync(engine, probe.Query!, cancellationToken).ConfigureAwait(false);
                return time.GetElapsedTime(started).TotalMilliseconds;
            default:
                throw new InvalidOperationException($"unknown probe type '{probe.Type}'");
        }
    }

    private static async Task RunAsync(IQueryEngine engine, string sql, CancellationToken cancellationToken)
    {
        await using var result = await engine.ExecuteAsync(new QueryRequest(sql), cancellationToken).ConfigureAwait(false);
        await result.DrainAsync(cancellationToken).ConfigureAwait(false);
    }
}
