using System.Text.Json.Nodes;

namespace Dqe.Cdk.Observability.Dashboards;

/// <summary>
/// A small typed builder for Grafana dashboards: panels are laid out two per row in the order added,
/// and every PromQL expression is recorded so the tests can parse it with promtool.
/// </summary>
public sealed class DashboardBuilder(string uid, string title)
{
    private const int Width = 12;
    private const int Height = 8;
    private readonly JsonArray _panels = [];
    private readonly List<string> _promQl = [];
    private int _x;
    private int _y;

    /// <summary>A full-width row header; the next panel starts a new line.</summary>
    public DashboardBuilder Row(string rowTitle)
    {
        NewLine();
        _panels.Add(new JsonObject
        {
            ["id"] = _panels.Count + 1,
            ["type"] = "row",
            ["title"] = rowTitle,
            ["collapsed"] = false,
            ["gridPos"] = GridPos(0, _y, 24, 1),
        });
        _y += 1;
        return this;
    }

    /// <summary>A time series of PromQL queries against the in-cluster Prometheus.</summary>
    public DashboardBuilder TimeSeries(string panelTitle, string unit, params (string Expr, string Legend)[] queries) =>
        PromPanel("timeseries", panelTitle, unit, Datasources.Prometheus, queries);

    /// <summary>A time series over the long history kept by Thanos (downsampled past the Prometheus retention).</summary>
    public DashboardBuilder LongTermSeries(string panelTitle, string unit, params (string Expr, string Legend)[] queries) =>
        PromPanel("timeseries", panelTitle, unit, Datasources.Thanos, queries);

    /// <summary>A single current value.</summary>
    public DashboardBuilder Stat(string panelTitle, string unit, string expr) =>
        PromPanel("stat", panelTitle, unit, Datasources.Prometheus, [(expr, panelTitle)]);

    /// <summary>A time series of one CloudWatch metric in <paramref name="metricNamespace"/>, per value of its dimension.</summary>
    public DashboardBuilder CloudWatch(string panelTitle, string unit, string metricNamespace, string metric, string statistic, string dimension)
    {
        var target = new JsonObject
        {
            ["refId"] = "A",
            ["datasource"] = Datasource("cloudwatch", Datasources.CloudWatch),
            ["queryMode"] = "Metrics",
            ["region"] = "default",
            ["namespace"] = metricNamespace,
            ["metricName"] = metric,
            ["statistic"] = statistic,
            ["dimensions"] = new JsonObject { [dimension] = "*" },
            ["matchExact"] = false,
            ["period"] = "",
            ["metricQueryType"] = 0,
            ["metricEditorMode"] = 0,
        };
        return AddPanel("timeseries", panelTitle, unit, Datasource("cloudwatch", Datasources.CloudWatch), [target]);
    }

    public Dashboard Build()
    {
        var json = new JsonObject
        {
            ["uid"] = uid,
            ["title"] = title,
            ["tags"] = new JsonArray("dqe"),
            ["timezone"] = "utc",
            ["editable"] = false,
            ["schemaVersion"] = 39,
            ["version"] = 1,
            ["refresh"] = "1m",
            ["time"] = new JsonObject { ["from"] = "now-6h", ["to"] = "now" },
            ["panels"] = _panels.DeepClone(),
        };
        return new Dashboard(uid, title, json, [.. _promQl]);
    }

    private DashboardBuilder PromPanel(string type, string panelTitle, string unit, string datasourceUid, (string Expr, string Legend)[] queries)
    {
        var datasource = Datasource("prometheus", datasourceUid);
        var targets = new List<JsonObject>();
        foreach (var (expr, legend) in queries)
        {
            _promQl.Add(expr);
            targets.Add(new JsonObject
            {
                ["refId"] = ((char)('A' + targets.Count)).ToString(),
                ["datasource"] = datasource.DeepClone(),
                ["expr"] = expr,
                ["legendFormat"] = legend,
            });
        }

        return AddPanel(type, panelTitle, unit, datasource, targets);
    }

    private DashboardBuilder AddPanel(string type, string panelTitle, string unit, JsonObject datasource, List<JsonObject> targets)
    {
        _panels.Add(new JsonObject
        {
            ["id"] = _panels.Count + 1,
            ["type"] = type,
            ["title"] = panelTitle,
            ["datasource"] = datasource,
            ["gridPos"] = GridPos(_x, _y, Width, Height),
            ["fieldConfig"] = new JsonObject { ["defaults"] = new JsonObject { ["unit"] = unit }, ["overrides"] = new JsonArray() },
            ["targets"] = new JsonArray([.. targets]),
        });
        _x += Width;
        if (_x >= 24)
        {
            NewLine();
        }

        return this;
    }

    private void NewLine()
    {
        if (_x > 0)
        {
            _x = 0;
            _y += Height;
        }
    }

    private static JsonObject Datasource(string type, string datasourceUid) => new() { ["type"] = type, ["uid"] = datasourceUid };

    private static JsonObject GridPos(int x, int y, int w, int h) => new() { ["x"] = x, ["y"] = y, ["w"] = w, ["h"] = h };
}
