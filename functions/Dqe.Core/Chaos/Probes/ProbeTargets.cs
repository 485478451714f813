using Dqe.Core.Engines;
using Dqe.Core.Hosting;

namespace Dqe.Core.Chaos.Probes;

/// <summary>
/// Where probes measure, each resolved on first use so a campaign without a PromQL probe never needs
/// Prometheus' address (and one without engine probes never reads an engine secret).
/// </summary>
internal sealed record ProbeTargets(Func<IQueryEngine> Trino, Func<IQueryEngine> ClickHouse, Func<PrometheusClient> Prometheus)
{
    /// <summary>The deployed function's targets: engines through <see cref="HostServices.Engines"/>, Prometheus through <see cref="PrometheusEndpoint"/>.</summary>
    public static ProbeTargets From(HostServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new(() => services.Engines.Trino(), () => services.Engines.ClickHouse(), () =>
        {
            var endpoint = PrometheusEndpoint.Required(services);
            return new PrometheusClient(endpoint.Http, endpoint.BaseUri);
        });
    }
}
