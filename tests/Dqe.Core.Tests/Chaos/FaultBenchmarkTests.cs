using Dqe.Core.Chaos.Campaigns;
using Dqe.Core.Chaos.Handlers;
using Dqe.Core.Chaos.Reports;

namespace Dqe.Core.Tests.Chaos;

/// <summary>Degradation per query, the documented slowdown penalty −min(20, 10 × (mean slowdown − 1)) and the report's table.</summary>
public sealed class FaultBenchmarkTests
{
    private static readonly ChaosCampaign Campaign = CampaignLoader.Load("""
        apiVersion: dqe.io/v1alpha1
        kind: ChaosCampaign
        name: bench
        target: {namespace: trino, selector: {app: trino}}
        duration: 5m
        steadyState: {probes: [{name: up, type: trino}]}
        faults: [{name: kill, type: pod-kill}]
        report:
          benchmark:
            - {name: q1, engine: trino, sql: SELECT 1}
            - {name: q2, engine: clickhouse, sql: SELECT 2}
        """);

    private static readonly DateTimeOffset Injected = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(100, 100, 100, 100, 100)]
    [InlineData(100, 150, 100, 150, 95)]
    [InlineData(100, 200, 100, 300, 85)]
    [InlineData(100, 1000, 100, 1000, 80)]
    [InlineData(100, 80, 100, 100, 100)]
    public void Compute_BenchmarkSlowdown_PenaltyAsDocumented(double before1, double during1, double before2, double during2, int expected)
    {
        var state = State(Pass(FaultBenchmark.Before, before1, before2), Pass(FaultBenchmark.During, during1, during2));

        Assert.Equal(expected, ResilienceScore.Compute(state));
        Assert.Equal((during1 / before1 + during2 / before2) / 2, FaultBenchmark.MeanSlowdown(FaultBenchmark.Degradation(state))!.Value, 6);
    }

    [Fact]
    public void Degradation_QueryFailedInOnePass_NoSlowdownForItAndTheOtherCounts()
    {
        var during = new BenchmarkPass(FaultBenchmark.During, Injected, [new BenchmarkTiming("q1", "trino", null, "Failed: connection refused"), new BenchmarkTiming("q2", "clickhouse", 300)]);
        var state = State(Pass(FaultBenchmark.Before, 100, 100), during);

        var rows = FaultBenchmark.Degradation(state)!;

        Assert.Null(rows[0].Slowdown);
        Assert.Equal("during: Failed: connection refused", rows[0].Error);
        Assert.Equal(3, rows[1].Slowdown!.Value, 6);
        Assert.Equal(80, ResilienceScore.Compute(state));
    }

    [Fact]
    public void Compute_NoPassDuringTheFaults_NoPenaltyFromMissingData()
    {
        var state = State(Pass(FaultBenchmark.Before, 100, 100));

        Assert.Equal(100, ResilienceScore.Compute(state));
        Assert.All(FaultBenchmark.Degradation(state)!, r => Assert.Equal("no pass during the faults", r.Error));
        Assert.Null(FaultBenchmark.MeanSlowdown(FaultBenchmark.Degradation(state)));
    }

    [Fact]
    public void Degradation_CampaignWithoutBenchmark_Null() =>
        Assert.Null(FaultBenchmark.Degradation(new ChaosRunState(Campaign with { Report = null }, "run", Injected, Clean: true, RollbackAttempts: 1)));

    [Fact]
    public void Render_Benchmark_TableWithMediansSlowdownAndPassMarkers()
    {
        var state = State(Pass(FaultBenchmark.Before, 100, 100), Pass(FaultBenchmark.During, 250, 150))
            .Log(Injected.AddMinutes(-1), "benchmark", "before the faults").Log(Injected.AddMinutes(1), "benchmark", "during the faults");

        var html = ChaosReportHtml.Render(ChaosReportWriter.Build(state with { Outcome = "completed" }, Injected.AddMinutes(10)));

        Assert.Contains("Performance under fault", html, StringComparison.Ordinal);
        Assert.Contains("<td>q1</td><td>trino</td><td>100</td><td>250</td><td>2.5×</td>", html, StringComparison.Ordinal);
        Assert.Contains("mean slowdown <strong class=\"slowdown\">2×</strong>", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("class=\"benchmark\" x1=").Length - 1);
    }

    private static ChaosRunState State(params BenchmarkPass[] passes) =>
        new(Campaign, "run", Injected, Clean: true, RollbackAttempts: 1, Benchmarks: passes);

    private static BenchmarkPass Pass(string phase, double q1, double q2) =>
        new(phase, Injected, [new BenchmarkTiming("q1", "trino", q1), new BenchmarkTiming("q2", "clickhouse", q2)]);
}
