using System.Text.Json.Nodes;
using Dqe.Core.Benchmarks.Functions;
using Dqe.Core.Chaos.Campaigns;
using Dqe.Core.Chaos.Handlers;
using Dqe.Core.Chaos.Probes;
using Dqe.Core.Chaos.Reports;

namespace Dqe.Core.Tests.Chaos;

public sealed class ChaosReportTests : IDisposable
{
    private static readonly ChaosCampaign Campaign = CampaignLoader.Load("""
        apiVersion: dqe.io/v1alpha1
        kind: ChaosCampaign
        name: report
        description: kill a worker
        target: {namespace: trino, selector: {app: trino}}
        duration: 5m
        steadyState: {probes: [{name: up, type: trino}]}
        faults: [{name: kill, type: pod-kill}]
        """);

    private static readonly DateTimeOffset Injected = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);
    private readonly string _root = Directory.CreateTempSubdirectory("dqe-chaos-reports-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task WriteAsync_AbortedRun_JsonAndHtmlTimelineUnderDatedKey()
    {
        var store = new LocalReportStore(_root);
        var state = Aborted();

        var key = await ChaosReportWriter.WriteAsync(store, state, Injected.AddMinutes(3), default);

        Assert.Equal("chaos/runs/2026/11/25/report-1.json", key);
        var json = JsonNode.Parse((await store.GetAsync(key, default))!)!;
        Assert.Equal(40, json["score"]!.GetValue<int>());
        Assert.Equal("2026-11-25T03:01:00+00:00", json["abortedAt"]!.GetValue<string>());
        Assert.Equal([1.0, 1.0, 0.0, 0.0], json["polls"]!.AsArray().Select(p => p!["readings"]![0]!["value"]!.GetValue<double>()));
        Assert.Contains(json["deductions"]!.AsArray(), d => d!["reason"]!.GetValue<string>() == "aborted while the faults ran");
        var html = (await store.GetAsync("chaos/runs/2026/11/25/report-1.html", default))!;
        Assert.Contains("fault start: 2026-11-25 03:00:00Z", html, StringComparison.Ordinal);
        Assert.Contains("aborted: 2026-11-25 03:01:00Z", html, StringComparison.Ordinal);
        Assert.Contains("<rect class=\"fault\"", html, StringComparison.Ordinal);
        Assert.Contains("<line class=\"abort\"", html, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(html, "<circle class=\"fail\""));
        Assert.Contains("<td class=\"fail\" title=\"HTTP 503\">0</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NotRecoveredInTime_SaysSoWithThePenalty()
    {
        var state = new ChaosRunState(Campaign, "report-2", Injected, Injected.AddMinutes(5), Clean: true, RollbackAttempts: 1, Outcome: "completed",
            Polls: [Poll(Injected.AddMinutes(6), ProbePhases.After, 0)], Recovered: false) with { Score = 70 };

        var html = ChaosReportHtml.Render(ChaosReportWriter.Build(state, Injected.AddMinutes(11)));

        Assert.Contains("steady state NOT back within 5m", html, StringComparison.Ordinal);
        Assert.Contains("−30: steady state not back within the recovery timeout (5m)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_HtmlOff_OnlyJson()
    {
        var store = new LocalReportStore(_root);
        var state = Aborted() with { Campaign = Campaign with { Report = new ReportSpec(Html: false) } };

        await ChaosReportWriter.WriteAsync(store, state, Injected, default);

        Assert.Equal(["chaos/runs/2026/11/25/report-1.json"], await store.ListAsync("chaos/", default));
    }

    [Fact]
    public async Task Weekly_RunsOfTheWeek_SummarisedPerCampaignOlderOnesLeftOut()
    {
        var store = new LocalReportStore(_root);
        await ChaosReportWriter.WriteAsync(store, Aborted(), Injected, default);
        await ChaosReportWriter.WriteAsync(store, Completed("report-2", Injected.AddDays(-2), 100), Injected, default);
        await ChaosReportWriter.WriteAsync(store, Completed("report-old", Injected.AddDays(-8), 10), Injected, default);
        await store.PutAsync("chaos/runs/2026/11/24/broken.json", "{not json", "application/json", default);

        var summary = await ChaosWeeklyReport.BuildAsync(store, Injected.AddHours(12), default);
        var key = await ChaosWeeklyReport.WriteAsync(store, summary, default);

        Assert.Equal(new DateTimeOffset(2026, 11, 19, 0, 0, 0, TimeSpan.Zero), summary.WeekStart);
        Assert.Equal(["report-2", "report-1"], summary.Runs.Select(r => r.RunId));
        var campaign = Assert.Single(summary.Campaigns);
        Assert.Equal(new ChaosWeeklyCampaign("report", 2, 1, 1, 0, 0, 70, 40), campaign);
        Assert.Equal(["chaos/runs/2026/11/24/broken.json"], summary.Unreadable);
        Assert.Equal("chaos/weekly/2026-11-19.json", key);
        var html = (await store.GetAsync("chaos/weekly/2026-11-19.html", default))!;
        Assert.Contains("<td>report</td><td>2</td><td>1</td><td>1</td>", html, StringComparison.Ordinal);
        Assert.Contains("unreadable report: <code>chaos/runs/2026/11/24/broken.json</code>", html, StringComparison.Ordinal);
    }

    private static ChaosRunState Aborted()
    {
        var polls = new[] { Poll(Injected.AddSeconds(-10), ProbePhases.Before, 1), Poll(Injected.AddSeconds(15), ProbePhases.During, 1), Poll(Injected.AddSeconds(30), ProbePhases.During, 0), Poll(Injected.AddSeconds(45), ProbePhases.During, 0) };
        var state = new ChaosRunState(Campaign, "report-1", Injected, Injected.AddMinutes(5), Clean: true, RollbackAttempts: 1, Polls: polls,
            Error: new StateError(ChaosHandlerNames.AbortedError, "abort condition on probe up"))
            .Log(Injected, "fault-start", "podchaos/trino/report-1-kill")
            .Log(Injected.AddMinutes(1), "rollback", "attempt 1: deleted 1");
        return state with { Score = ResilienceScore.Compute(state), Outcome = "failed: aborted" };
    }

    private static ChaosRunState Completed(string runId, DateTimeOffset injected, int score) =>
        new(Campaign, runId, injected, injected.AddMinutes(5), Clean: true, RollbackAttempts: 1, Outcome: "completed", Score: score, Recovered: true);

    private static ProbePoll Poll(DateTimeOffset at, string phase, double value) =>
        new(at, phase, [new ProbeReading("up", value, value >= 1, value >= 1 ? null : "HTTP 503")]);

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
