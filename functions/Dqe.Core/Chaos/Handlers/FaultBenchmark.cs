using System.Globalization;
using Dqe.Core.Benchmarks;
using Dqe.Core.Chaos.Campaigns;
using Dqe.Core.Engines;
using SuiteQuery = Dqe.Core.Benchmarks.BenchmarkQuery;

namespace Dqe.Core.Chaos.Handlers;

/// <summary>
/// Performance under fault: the campaign's <c>report.benchmark</c> queries timed by the benchmark runner
/// (<see cref="BenchmarkRunner"/>, one warmup and <see cref="Iterations"/> measured runs each) once before the
/// injection and once while the faults run, compared per query. A pass is bounded to fit one function call:
/// each execution times out after <see cref="QueryTimeout"/> and no query starts after <see cref="PassBudget"/>.
/// A query that fails (engine error, timeout) is a timing without a median, never a failed campaign.
/// </summary>
internal static class FaultBenchmark
{
    public const string Before = "before";
    public const string During = "during";
    public const int Iterations = 3;
    public static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan PassBudget = TimeSpan.FromSeconds(60);

    public static bool Enabled(ChaosCampaign campaign) => campaign.Report?.Benchmark is { Count: > 0 };

    public static bool Has(ChaosRunState state, string phase) => state.Benchmarks?.Any(p => p.Phase == phase) == true;

    /// <summary>Runs one pass and records it in the state with a timeline entry.</summary>
    public static async Task<ChaosRunState> RunAsync(ChaosStepDependencies deps, ChaosRunState state, string phase, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var started = deps.Time.GetTimestamp();
        var timings = new List<BenchmarkTiming>();
        foreach (var query in state.Campaign.Report?.Benchmark ?? [])
        {
            timings.Add(deps.Time.GetElapsedTime(started) > PassBudget
                ? new BenchmarkTiming(query.Name, query.Engine, null, $"not run: the pass used its {PassBudget.TotalSeconds:0} s budget")
                : await TimeAsync(deps, query, cancellationToken).ConfigureAwait(false));
        }

        var pass = new BenchmarkPass(phase, now, timings);
        var detail = string.Join(", ", timings.Select(t => t.MedianMs is { } ms ? F($"{t.Name} {ms:0.#} ms") : $"{t.Name} failed ({t.Error})"));
        return (state with { Benchmarks = [.. state.Benchmarks ?? [], pass] }).Log(now, "benchmark", $"{phase} the faults: {detail}");
    }

    /// <summary>Per query before/during medians and slowdown; null when the campaign has no benchmark.</summary>
    public static IReadOnlyList<QueryDegradation>? Degradation(ChaosRunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!Enabled(state.Campaign))
        {
            return null;
        }

        var before = state.Benchmarks?.LastOrDefault(p => p.Phase == Before);
        var during = state.Benchmarks?.LastOrDefault(p => p.Phase == During);
        return [.. state.Campaign.Report!.Benchmark!.Select(q =>
        {
            var b = before?.Queries.FirstOrDefault(t => t.Name == q.Name);
            var d = during?.Queries.FirstOrDefault(t => t.Name == q.Name);
            double? slowdown = b?.MedianMs is > 0 && d?.MedianMs is { } ms ? ms / b.MedianMs.Value : null;
            return new QueryDegradation(q.Name, q.Engine, b?.MedianMs, d?.MedianMs, slowdown, slowdown is null ? Missing(b, d) : null);
        })];
    }

    /// <summary>Mean slowdown over the queries measured in both passes; null when none was.</summary>
    public static double? MeanSlowdown(IReadOnlyList<QueryDegradation>? rows) =>
        rows?.Where(r => r.Slowdown is not null).Select(r => r.Slowdown!.Value).ToList() is { Count: > 0 } measured ? measured.Average() : null;

    private static async Task<BenchmarkTiming> TimeAsync(ChaosStepDependencies deps, Campaigns.BenchmarkQuery query, CancellationToken cancellationToken)
    {
        var options = new BenchmarkOptions(query.Engine, "chaos", "campaign", Warmups: 1, Iterations: Iterations, QueryTimeout: QueryTimeout);
        var suite = new SuiteQuery(query.Engine, "chaos", query.Name, "", new Dictionary<string, long>(), query.Sql);
        try
        {
            var report = await new BenchmarkRunner(deps.Engines(query.Engine), deps.Time).RunAsync(options, [suite], null, cancellationToken).ConfigureAwait(false);
            var result = report.Queries[0];
            return result.Status == QueryStatus.Ok
                ? new BenchmarkTiming(query.Name, query.Engine, result.MedianMs)
                : new BenchmarkTiming(query.Name, query.Engine, null, $"{result.Status}: {result.Error}");
        }
#pragma warning disable CA1031 // An engine client that cannot even be built (URL or secret missing) fails this pass, never the campaign.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return new BenchmarkTiming(query.Name, query.Engine, null, e.Message.ReplaceLineEndings(" "));
        }
    }

    private static string Missing(BenchmarkTiming? before, BenchmarkTiming? during) =>
        before is null ? "no pass before the faults"
        : before.MedianMs is null ? $"before: {before.Error}"
        : during is null ? "no pass during the faults"
        : during.MedianMs is null ? $"during: {during.Error}"
        : "zero baseline";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
