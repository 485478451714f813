using Dqe.Core.Benchmarks;
using Dqe.Core.Engines;
using Dqe.Core.Tests.TestHelpers;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.Benchmarks;

public class BenchmarkRunnerTests
{
    private static readonly BenchmarkQuery Fast = new("fake", "s", "q01", "1", new Dictionary<string, long> { ["*"] = 2 }, "SELECT fast");
    private static readonly BenchmarkQuery Slow = new("fake", "s", "q02", "1", new Dictionary<string, long>(), "SELECT slow");

    private static (BenchmarkRunner Runner, ScriptedQueryEngine Engine) Create(Func<string, int, ScriptedAnswer> script)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
        var engine = new ScriptedQueryEngine(time, (sql, call) => sql == "SELECT version()" ? ScriptedAnswer.Version("18.16.1") : script(sql, call));
        return (new BenchmarkRunner(engine, time), engine);
    }

    private static BenchmarkOptions Options(int warmups = 1, int iterations = 3, int[]? concurrency = null) =>
        new("clickhouse", "s", "tiny", Warmups: warmups, Iterations: iterations, Concurrency: concurrency, QueryTimeout: TimeSpan.FromSeconds(5));

    [Fact]
    public async Task Run_Sequential_MeasuresEveryIterationAfterWarmups()
    {
        var (runner, engine) = Create((sql, call) => new ScriptedAnswer(sql == "SELECT fast" ? 10 * call : 50, 2));

        var report = await runner.RunAsync(Options(), [Fast, Slow], null, default);

        Assert.Equal(RunStatus.Succeeded, report.Status);
        Assert.Equal("18.16.1", report.ServerVersion);
        Assert.Equal(1 + 8, engine.Executed.Count); // version probe + 2 queries * (1 warmup + 3 iterations)
        var fast = report.Queries[0].Levels[0];
        Assert.Equal([30.0, 40.0, 50.0], fast.SamplesMs); // call 2 is the warmup (20 ms), calls 3..5 are measured
        Assert.Equal(40, fast.Stats.MedianMs);
        Assert.Equal(3 / (120 / 3_600_000.0), fast.QueriesPerHour, 6);
        Assert.Equal(40, fast.EngineElapsedMsMedian);
        Assert.Equal(Math.Sqrt(40 * 50), report.Summary.GeoMeanMedianMs, 9);
        Assert.Equal("20261125T030000Z-fake-s-tiny", report.RunId);
    }

    [Fact]
    public async Task Run_Concurrency_RunsWorkersTimesIterations()
    {
        var (runner, engine) = Create((_, _) => new ScriptedAnswer(10, 2));

        var report = await runner.RunAsync(Options(warmups: 0, iterations: 2, concurrency: [1, 4]), [Fast], null, default);

        Assert.Equal([1, 4], report.Queries[0].Levels.Select(l => l.Concurrency));
        Assert.Equal(8, report.Queries[0].Levels[1].SamplesMs.Count);
        Assert.Equal(1 + 2 + 8, engine.Executed.Count);
        Assert.Equal([2, 8], report.Summary.Throughput.Select(t => t.Executions));
    }

    [Fact]
    public async Task Run_WrongRowCount_FailsQueryAndRun()
    {
        var (runner, _) = Create((sql, _) => new ScriptedAnswer(5, sql == "SELECT fast" ? 3 : 1));

        var report = await runner.RunAsync(Options(), [Fast, Slow], null, default);

        Assert.Equal(RunStatus.Failed, report.Status);
        Assert.Equal(QueryStatus.WrongResult, report.Queries[0].Status);
        Assert.Equal("expected 2 rows at scale tiny, got 3", report.Queries[0].Error);
        Assert.Equal(QueryStatus.Ok, report.Queries[1].Status);
        Assert.Equal(1, report.Summary.Failed);
        Assert.Contains(report.Failures, f => f.StartsWith("q01: WrongResult", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_ExecutionExceedsTimeout_TimedOut()
    {
        var (runner, _) = Create((sql, _) => new ScriptedAnswer(sql == "SELECT slow" ? 6000 : 5, 2));

        var report = await runner.RunAsync(Options(), [Slow, Fast], null, default);

        Assert.Equal(QueryStatus.TimedOut, report.Queries[0].Status);
        Assert.Equal("timed out after 5 s", report.Queries[0].Error);
        Assert.Equal(QueryStatus.Ok, report.Queries[1].Status);
    }

    [Fact]
    public async Task Run_EngineError_ReportedWithEngineIdentity()
    {
        var (runner, _) = Create((_, _) => new ScriptedAnswer(0, 0, new QueryEngineException("clickhouse", "x", "UNKNOWN_TABLE", 60, "USER_ERROR", "Table default.hits doesn't exist")));

        var report = await runner.RunAsync(Options(), [Fast], null, default);

        Assert.Equal(QueryStatus.Failed, report.Queries[0].Status);
        Assert.Contains("UNKNOWN_TABLE (60, USER_ERROR)", report.Queries[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnreachableServer_EveryQueryFailedWithoutExecuting()
    {
        var time = new FakeTimeProvider();
        var engine = new ScriptedQueryEngine(time, (_, _) => new ScriptedAnswer(0, 0, new HttpRequestException("Connection refused (127.0.0.1:9)")));

        var report = await new BenchmarkRunner(engine, time).RunAsync(Options(), [Fast, Slow], null, default);

        Assert.Equal(RunStatus.Failed, report.Status);
        Assert.Single(engine.Executed);
        Assert.All(report.Queries, q => Assert.Equal(QueryStatus.Failed, q.Status));
        Assert.Contains("Connection refused", report.Failures[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ServerTooOld_QuerySkipped()
    {
        var (runner, engine) = Create((_, _) => new ScriptedAnswer(1, 2));
        var future = Fast with { MinVersion = "99.1" };

        var report = await runner.RunAsync(Options(), [future], null, default);

        Assert.Equal(QueryStatus.Skipped, report.Queries[0].Status);
        Assert.Equal(RunStatus.Succeeded, report.Status);
        Assert.Single(engine.Executed);
    }

    [Fact]
    public async Task Run_Cancelled_StopsWithCancelledStatus()
    {
        using var cts = new CancellationTokenSource();
        var (runner, _) = Create((_, call) =>
        {
            if (call == 3)
            {
                cts.Cancel();
            }

            return new ScriptedAnswer(1, 2);
        });

        var report = await runner.RunAsync(Options(), [Fast], null, cts.Token);

        Assert.Equal(QueryStatus.Cancelled, report.Queries[0].Status);
    }

    [Fact]
    public async Task Run_Progress_CountsUpToPlannedTotal()
    {
        var (runner, _) = Create((_, _) => new ScriptedAnswer(1, 2));
        var seen = new List<BenchmarkProgress>();

        await runner.RunAsync(Options(), [Fast, Slow], new SyncProgress(seen.Add), default);

        Assert.Equal(8, seen.Count);
        Assert.Equal(8, seen[^1].Total);
        Assert.Equal(8, seen[^1].Completed);
    }

    [Theory]
    [InlineData("mysql", 1, 1, "engine")]
    [InlineData("trino", -1, 1, "warmups")]
    [InlineData("trino", 1, 0, "iterations")]
    public async Task Run_BadOptions_ThrowsNamingField(string engine, int warmups, int iterations, string field)
    {
        var (runner, _) = Create((_, _) => new ScriptedAnswer(1, 2));
        var options = Options(warmups, iterations) with { Engine = engine };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => runner.RunAsync(options, [Fast], null, default));

        Assert.StartsWith(field + ":", error.Message, StringComparison.Ordinal);
    }

    private sealed class SyncProgress(Action<BenchmarkProgress> report) : IProgress<BenchmarkProgress>
    {
        public void Report(BenchmarkProgress value) => report(value);
    }
}
