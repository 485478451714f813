using Dqe.Core.Engines;
using Dqe.Core.Hosting;

namespace Dqe.Core.Chaos.Probes;

/// <summary>
/// Where probes measure, each resolved on first use so a campaign without a PromQL probe never needs
/// Prometheus' URL (and one without engine probes never reads an engine secret).
/// </summary>
internal sealed record ProbeTargets(Func<IQueryEngine> Trino, Func<IQueryEngine> ClickHouse, Func<PrometheusClient> Prometheus)
{
    private static readonly HttpClient PrometheusHttp = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The deployed function's targets: engines through <see cref="HostServices.Engines"/>, Prometheus from DQE_PROMETHEUS_URL.</summary>
    public static ProbeTargets From(HostServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new(() => services.Engines.Trino(), () => services.Engines.ClickHouse(), () =>
        {
            var text = services.Environment.Get(FunctionVariables.PrometheusUrl);
            return Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
                ? new PrometheusClient(PrometheusHttp, url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/"))
                : throw new InvalidOperationException($"environment variable {FunctionVariables.PrometheusUrl} must be Prometheus' http(s) URL for promql probes, got '{text}'.");
        });
    }
}
