using Dqe.Core.Engines;
using Dqe.Core.Engines.ClickHouse;
using Dqe.Core.Kubernetes;

namespace Dqe.Core.Remediation.Actions;

/// <summary>
/// Clients of single ClickHouse replicas through the API server's pod proxy: a pod's cluster DNS name does not
/// resolve from the functions' subnets. The pod is spoken to with the scheme and port of the engines' URL; the user
/// travels in <c>X-ClickHouse-User</c>/<c>X-ClickHouse-Key</c>, because the API server consumes <c>Authorization</c>.
/// </summary>
/// <param name="proxy">The API server proxy of the host's Kubernetes client.</param>
/// <param name="http">Sends through <see cref="KubernetesProxy.CreateHandler"/>; adds the ClickHouse user's headers (<see cref="EngineConnections.ClickHouseHttpVia"/>).</param>
/// <param name="clickHouseUrl">The engines' ClickHouse URL (DQE_CLICKHOUSE_URL): its scheme and port are the pods'.</param>
/// <param name="time">Clock of the clients.</param>
/// <param name="configure">Adjusts each replica client's options (tests, settings).</param>
public sealed class ClickHouseReplicaProxy(KubernetesProxy proxy, HttpClient http, Uri clickHouseUrl, TimeProvider time, Func<ClickHouseClientOptions, ClickHouseClientOptions>? configure = null)
{
    /// <summary>A client of pod <paramref name="pod"/> in <paramref name="ns"/>.</summary>
    public IQueryEngine Client(string ns, string pod)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        ArgumentNullException.ThrowIfNull(clickHouseUrl);
        var options = new ClickHouseClientOptions
        {
            Server = proxy.BaseUri(KubernetesProxyTarget.Pod(ns, clickHouseUrl.Scheme, pod, clickHouseUrl.Port)),
            AuthMode = ClickHouseAuthMode.Headers,
        };
        return new ClickHouseClient(configure?.Invoke(options) ?? options, http, time);
    }
}
