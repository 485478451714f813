using System.Text.Json.Nodes;
using Dqe.Cdk.Observability.Dashboards;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Observability.Dashboards;

public sealed class DqeDashboardsTests
{
    [Fact]
    public void PromQl_EveryPanelExpression_ParsesWithPromtool()
    {
        // promtool cannot parse a lone expression, so each one becomes a recording rule it checks.
        var rules = new JsonArray();
        foreach (var (expr, i) in DqeDashboards.All.SelectMany(d => d.PromQl).Select((e, i) => (e, i)))
        {
            rules.Add(new JsonObject { ["record"] = $"dqe:dashboard_expr:{i}", ["expr"] = expr });
        }

        var dir = PrometheusTools.TempDir();
        PrometheusTools.Write(dir, "exprs.json", new JsonObject { ["groups"] = new JsonArray(new JsonObject { ["name"] = "dashboards", ["rules"] = rules }) });

        var result = PrometheusTools.Promtool(dir, "check", "rules", "exprs.json");

        Assert.True(result.Ok, $"a dashboard expression does not parse:\n{result.Output}");
        Assert.Contains($"SUCCESS: {rules.Count} rules found", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void PromQl_Broken_IsRejectedByTheSameCheck()
    {
        var dir = PrometheusTools.TempDir();
        PrometheusTools.Write(dir, "exprs.json", JsonNode.Parse("""{"groups":[{"name":"x","rules":[{"record":"dqe:x","expr":"sum(rate(foo[5m])"}]}]}""")!);

        Assert.False(PrometheusTools.Promtool(dir, "check", "rules", "exprs.json").Ok);
    }

    [Theory]
    [InlineData("dqe-trino", new[] { "Queued and running queries", "Failed queries per second", "Query execution time p50 / p95", "Active workers" })]
    [InlineData("dqe-clickhouse", new[] { "Queries per second", "Replica lag", "Max parts per partition", "Running merges", "Keeper sessions" })]
    [InlineData("dqe-cluster-health", new[] { "Ready nodes", "Not-ready nodes", "Container restarts (1h) by namespace", "PVC used" })]
    [InlineData("dqe-reliability", new[] { "Benchmark p95 latency by engine", "Chaos runs passed (1) / failed (0)", "Backups succeeded", "Restores verified", "DR recovery time (RTO)" })]
    [InlineData("dqe-vpa", new[] { "Memory: VPA target vs request", "Memory: request / VPA target", "CPU: VPA target vs request", "Workloads with a recommendation" })]
    public void Dashboard_Panels_CoverTheIssue(string uid, string[] titles)
    {
        var dashboard = DqeDashboards.All.Single(d => d.Uid == uid);

        var panelTitles = dashboard.Json["panels"]!.AsArray().Select(p => p!["title"]!.GetValue<string>()).ToList();
        Assert.All(titles, t => Assert.Contains(t, panelTitles));
    }

    [Fact]
    public void Dashboards_Datasources_AreTheProvisionedOnes()
    {
        string[] provisioned = [Datasources.Prometheus, Datasources.Thanos, Datasources.CloudWatch];
        var used = new HashSet<string>();
        foreach (var dashboard in DqeDashboards.All)
        {
            foreach (var panel in dashboard.Json["panels"]!.AsArray().Where(p => p!["type"]!.GetValue<string>() != "row"))
            {
                var uid = panel!["datasource"]!["uid"]!.GetValue<string>();
                Assert.Contains(uid, provisioned);
                used.Add(uid);
                Assert.NotEmpty(panel["targets"]!.AsArray());
            }
        }

        Assert.Equal(provisioned.Order(), used.Order());
    }

    [Fact]
    public void Dashboards_UidsAndPanelIds_AreUniqueAndPanelsDoNotOverlap()
    {
        Assert.Equal(DqeDashboards.All.Count, DqeDashboards.All.Select(d => d.Uid).Distinct().Count());
        foreach (var dashboard in DqeDashboards.All)
        {
            var panels = dashboard.Json["panels"]!.AsArray().Select(p => p!).ToList();
            Assert.Equal(panels.Count, panels.Select(p => p["id"]!.GetValue<int>()).Distinct().Count());
            var cells = new HashSet<(int, int)>();
            foreach (var grid in panels.Select(p => p["gridPos"]!))
            {
                int x = grid["x"]!.GetValue<int>(), y = grid["y"]!.GetValue<int>(), w = grid["w"]!.GetValue<int>(), h = grid["h"]!.GetValue<int>();
                Assert.True(x + w <= 24, $"{dashboard.Uid}: panel wider than the grid");
                for (var cx = x; cx < x + w; cx++)
                {
                    for (var cy = y; cy < y + h; cy++)
                    {
                        Assert.True(cells.Add((cx, cy)), $"{dashboard.Uid}: panels overlap at {cx},{cy}");
                    }
                }
            }
        }
    }
}
