using System.Text.Json.Nodes;

namespace Dqe.Cdk.Observability.Dashboards;

/// <summary>A generated Grafana dashboard and the PromQL expressions it queries (validated by the tests).</summary>
/// <param name="Uid">Stable Grafana uid; also the ConfigMap and file name.</param>
/// <param name="Title">Dashboard title.</param>
/// <param name="Json">Grafana dashboard model.</param>
/// <param name="PromQl">Every Prometheus/Thanos expression of its panels.</param>
public sealed record Dashboard(string Uid, string Title, JsonObject Json, IReadOnlyList<string> PromQl);
