using System.Globalization;
using System.CommandLine;
using Dqe.Cli.Bench;
using Dqe.Cli.Query;
using Dqe.Core.Benchmarks;
using Dqe.Core.Benchmarks.ClickHouseData;
using Dqe.Core.Benchmarks.LakeData;

namespace Dqe.Cli.Commands;

/// <summary>
/// <c>dqe bench run ...</c> runs a benchmark suite and writes report.json + report.html;
/// <c>dqe bench compare BASELINE CANDIDATE</c> prints per-query verdicts and exits 1 on a confirmed regression;
/// <c>dqe bench prepare-lake</c> writes the TPC-H Parquet files the ClickHouse lake scales load.
/// </summary>
internal static class BenchCommand
{
    public static Command Create() => new("bench", "Benchmark suites (TPC-H, TPC-DS, ClickBench) with statistics and regression verdicts.")
    {
        Run(),
        Compare(),
        PrepareLake(),
    };

    private static Command Run()
    {
        var engine = new Option<string>("--engine") { Description = "trino or clickhouse.", Required = true };
        var server = new Option<string>("--server") { Description = "Engine URL, e.g. http://127.0.0.1:8123.", Required = true };
        var suite = new Option<string>("--suite") { Description = "tpch, tpcds or clickbench.", Required = true };
        var queries = new Option<string?>("--queries") { Description = "Comma-separated query ids (default: the whole suite)." };
        var scale = new Option<string>("--scale") { Description = "Trino schema (tiny, sf1, ...), ClickHouse TPC-H lake scale (tiny, sf1) or generated scale (gen_tiny), ClickBench rows (10k, 100k, 1m).", DefaultValueFactory = _ => "tiny" };
        var warmups = new Option<int>("--warmups") { Description = "Unmeasured runs per query.", DefaultValueFactory = _ => 1 };
        var iterations = new Option<int>("--iterations") { Description = "Measured runs per query and worker.", DefaultValueFactory = _ => 5 };
        var concurrency = new Option<string>("--concurrency") { Description = "Concurrency levels, e.g. 1,4.", DefaultValueFactory = _ => "1" };
        var timeout = new Option<double>("--timeout") { Description = "Per-execution timeout in seconds.", DefaultValueFactory = _ => 600 };
        var user = new Option<string?>("--user") { Description = "User name (password/token from the environment)." };
        var insecure = new Option<bool>("--allow-insecure-credentials") { Description = "Send credentials over plain http (local test clusters only)." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory for report.json and report.html.", Required = true };
        var baseline = new Option<FileInfo?>("--baseline") { Description = "A previous report.json to compare with." };
        var other = new Option<FileInfo?>("--versus") { Description = "Another engine's report.json for the engine-vs-engine chart." };
        var history = new Option<DirectoryInfo?>("--history") { Description = "Directory of earlier runs (*/report.json) for the trend chart." };
        var cluster = new Option<string?>("--cluster") { Description = "ClickHouse cluster: ReplicatedMergeTree + Distributed tables ON CLUSTER (default: one server, MergeTree)." };
        var database = new Option<string>("--database") { Description = "ClickHouse database of the suite tables (the user's default database).", DefaultValueFactory = _ => "default" };
        var lakeBucket = new Option<string?>("--lake-bucket") { Description = "Lake bucket with curated/tpch/<scale>/<table>/ Parquet files, as bench prepare-lake writes them (ClickHouse TPC-H scales other than gen_*)." };
        var lakeRegion = new Option<string?>("--lake-region") { Description = "Region of the lake bucket." };
        var command = new Command("run", "Run a suite and write report.json + report.html.")
        {
            engine, server, suite, queries, scale, warmups, iterations, concurrency, timeout, user, insecure, output, baseline, other, history,
            cluster, database, lakeBucket, lakeRegion,
        };
        command.SetAction((parse, cancellationToken) => Guard(parse, "bench run", async () =>
        {
            var options = new BenchmarkOptions(
                parse.GetRequiredValue(engine), parse.GetRequiredValue(suite), parse.GetRequiredValue(scale),
                parse.GetValue(queries)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                parse.GetValue(warmups), parse.GetValue(iterations), Levels(parse.GetRequiredValue(concurrency)),
                TimeSpan.FromSeconds(parse.GetValue(timeout)));
            var settings = new BenchRunSettings(
                options, EngineFactory.ServerUri(parse.GetRequiredValue(server)), parse.GetValue(user), parse.GetValue(insecure),
                parse.GetRequiredValue(output), parse.GetValue(baseline), parse.GetValue(other), parse.GetValue(history),
                new ClickHouseDataOptions(parse.GetValue(cluster), parse.GetRequiredValue(database), parse.GetValue(lakeBucket), parse.GetValue(lakeRegion)));
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            return await new BenchRun(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, http, TimeProvider.System)
                .RunAsync(settings, cancellationToken).ConfigureAwait(false);
        }));
        return command;
    }

    private static Command Compare()
    {
        var baseline = new Argument<FileInfo>("baseline") { Description = "Baseline report.json." };
        var candidate = new Argument<FileInfo>("candidate") { Description = "Candidate report.json." };
        var alpha = new Option<double>("--alpha") { Description = "Significance level of the Mann-Whitney test.", DefaultValueFactory = _ => 0.05 };
        var effect = new Option<double>("--min-effect") { Description = "Smallest relative change of the median that counts (0.05 = 5%).", DefaultValueFactory = _ => 0.05 };
        var command = new Command("compare", "Per-query verdicts of CANDIDATE vs BASELINE; exit 1 on a confirmed regression.") { baseline, candidate, alpha, effect };
        command.SetAction((parse, cancellationToken) => Guard(parse, "bench compare", async () =>
        {
            var options = new RegressionOptions(parse.GetValue(alpha), parse.GetValue(effect));
            var before = await BenchRun.LoadAsync(parse.GetRequiredValue(baseline), cancellationToken).ConfigureAwait(false);
            var after = await BenchRun.LoadAsync(parse.GetRequiredValue(candidate), cancellationToken).ConfigureAwait(false);
            var compared = new BenchmarkComparer(options).Compare(before, after);
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine("query\tconcurrency\tverdict\tbaseline_median_ms\tcandidate_median_ms\tchange\tp_value\treason");
            foreach (var c in compared.Comparison!)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{c.QueryId}\t{c.Concurrency}\t{c.Verdict}\t{c.BaselineMedianMs:0.###}\t{c.CandidateMedianMs:0.###}\t{c.Change:+0.0%;-0.0%;0.0%}\t{c.PValue:0.####}\t{c.Reason}"));
            }

            output.WriteLine($"regressions\t{compared.Summary.Regressions}\timprovements\t{compared.Summary.Improvements}");
            return compared.Summary.Regressions > 0 ? 1 : 0;
        }));
        return command;
    }

    private static Command PrepareLake()
    {
        var server = new Option<string>("--server") { Description = "Trino URL (its hive catalog writes the lake), e.g. https://trino.prod.dqe.internal:8443.", Required = true };
        var scale = new Option<string>("--scale") { Description = "TPC-H scale: tiny or sfN (the tpch schema Trino reads, and curated/tpch/<scale>/).", Required = true };
        var lakeBucket = new Option<string>("--lake-bucket") { Description = "Lake bucket; files go to curated/tpch/<scale>/<table>/.", Required = true };
        var schema = new Option<string>("--schema") { Description = "Hive schema of the external tables: the lake's Glue database (dqe_<env>_lake).", Required = true };
        var catalog = new Option<string>("--catalog") { Description = "Trino catalog on the lake.", DefaultValueFactory = _ => "hive" };
        var tables = new Option<string?>("--tables") { Description = "Only these TPC-H tables, comma-separated (e.g. lineitem): one call per table for large scales. Default: all eight." };
        var user = new Option<string?>("--user") { Description = "User name (password/token from the environment)." };
        var insecure = new Option<bool>("--allow-insecure-credentials") { Description = "Send credentials over plain http (local test clusters only)." };
        var command = new Command("prepare-lake", "Write the TPC-H tables of a scale as Parquet into the lake with Trino (once), for ClickHouse to load.")
        {
            server, scale, lakeBucket, schema, catalog, tables, user, insecure,
        };
        command.SetAction((parse, cancellationToken) => Guard(parse, "bench prepare-lake", async () =>
        {
            var options = new TpchLakeOptions(parse.GetRequiredValue(lakeBucket), parse.GetRequiredValue(scale), parse.GetRequiredValue(schema), parse.GetRequiredValue(catalog),
                Tables: parse.GetValue(tables)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            options.Validate();
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var trino = EngineFactory.Create("trino", new EngineSettings(EngineFactory.ServerUri(parse.GetRequiredValue(server)), parse.GetValue(user), options.SourceCatalog, options.Scale, parse.GetValue(insecure)), http);
            return await new BenchPrepareLake(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error)
                .RunAsync(trino, options, cancellationToken).ConfigureAwait(false);
        }));
        return command;
    }

    private static int[] Levels(string text) => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part =>
        int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var level)
            ? level
            : throw new ArgumentException($"--concurrency: '{part}' is not a positive integer."))];

    /// <summary>Bad input → exit 2 with the message; cancellation → 130.</summary>
    private static async Task<int> Guard(ParseResult parse, string verb, Func<Task<int>> action)
    {
        var error = parse.InvocationConfiguration.Error;
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (e is ArgumentException or BenchmarkException)
        {
            await error.WriteLineAsync($"dqe {verb}: {e.Message}").ConfigureAwait(false);
            return 2;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync($"dqe {verb}: cancelled").ConfigureAwait(false);
            return 130;
        }
    }
}
