using System.Text.RegularExpressions;

namespace Dqe.Cdk.Config;

/// <summary>Checks <c>automation.benchmark</c> and each of its <c>runs</c>: schedule, engine/suite/scale, URL, sizes, the ClickHouse block.</summary>
internal static partial class BenchmarkConfigValidator
{
    private const string Key = "automation.benchmark";

    public static void Validate(DqeConfig config, Action<bool, string> check)
    {
        var bench = config.Automation.Benchmark;
        foreach (var name in bench.Runs.Keys)
        {
            check(RunName().IsMatch(name) && name != BenchmarkScheduleConfig.DefaultRun, $"{Key}.runs.{name}: a run name is lower-case letters, digits and '-' (not '{BenchmarkScheduleConfig.DefaultRun}')");
        }

        ValidateRun(config, Key, bench, check);
        var groupLimit = config.Engines.Trino.ResourceGroups.Benchmark.HardConcurrencyLimit;
        foreach (var (name, run) in bench.Runs)
        {
            ValidateRun(config, $"{Key}.runs.{name}", run, check);
            // The first run's limit is checked with the resource groups (TuningConfigValidator); the added runs here.
            check(run.Engine != "trino" || run.MaxConcurrency <= groupLimit,
                $"{Key}.runs.{name}.maxConcurrency = {run.MaxConcurrency} is above engines.trino.resourceGroups.benchmark.hardConcurrencyLimit = {groupLimit}: benchmark queries would queue behind each other");
        }
    }

    private static void ValidateRun(DqeConfig config, string key, BenchmarkRunConfig run, Action<bool, string> check)
    {
        check(run.Schedule.StartsWith("cron(", StringComparison.Ordinal) || run.Schedule.StartsWith("rate(", StringComparison.Ordinal),
            $"{key}.schedule = '{run.Schedule}' must be an EventBridge cron(...) or rate(...) expression");
        check(run.Engine is "trino" or "clickhouse", $"{key}.engine = '{run.Engine}' must be trino or clickhouse");
        check(run.Iterations is >= 1 and <= 1000, $"{key}.iterations = {run.Iterations} must be 1-1000");
        check(run.MaxConcurrency is >= 1 and <= 40, $"{key}.maxConcurrency = {run.MaxConcurrency} must be 1-40");
        check(run.Server.Length == 0 || (Uri.TryCreate(run.Server, UriKind.Absolute, out var server) && server.Scheme == "https"),
            $"{key}.server = '{run.Server}' must be an https URL, or empty for the engine's private endpoint");
        var suites = run.Engine == "clickhouse" ? new[] { "tpch", "clickbench" } : ["tpch", "tpcds"];
        check(suites.Contains(run.Suite), $"{key}.suite = '{run.Suite}' must be {string.Join(" or ", suites)} for {run.Engine}");
        var scale = run.Engine != "clickhouse" ? LakeScale() : run.Suite == "clickbench" ? RowsScale() : TpchScale();
        check(scale.IsMatch(run.Scale), $"{key}.scale = '{run.Scale}' is not a {run.Engine}/{run.Suite} scale "
            + (run.Engine != "clickhouse" ? "(tiny, sfN)" : run.Suite == "clickbench" ? "(rows: 10k, 100k, 1m)" : "(tiny/sfN from the lake, gen_tiny/gen_sfN generated)"));
        ValidateLakeStore(config, key, run, check);
        if (run.ClickHouse is not { } ch)
        {
            return;
        }

        check(run.Engine == "clickhouse", $"{key}.clickHouse is for engine clickhouse, not {run.Engine}");
        check(ch.Cluster.Length == 0 || Identifier().IsMatch(ch.Cluster), $"{key}.clickHouse.cluster = '{ch.Cluster}' must be a lower-case identifier, or empty for engines.clickHouse.clusterName");
        check(Identifier().IsMatch(ch.Database), $"{key}.clickHouse.database = '{ch.Database}' must be a lower-case identifier");
        check(ch.LakeBucket.Length == 0 || Bucket().IsMatch(ch.LakeBucket), $"{key}.clickHouse.lakeBucket = '{ch.LakeBucket}' must be an S3 bucket name, or empty for the platform lake bucket");
        check(ch.LakeRegion.Length == 0 || Region().IsMatch(ch.LakeRegion), $"{key}.clickHouse.lakeRegion = '{ch.LakeRegion}' must be an AWS region, or empty for the environment's");
        check(!ch.WriteLake || ch.LakeBucket.Length == 0, $"{key}.clickHouse.writeLake needs the platform lake (Trino writes only there): leave lakeBucket empty or set writeLake false");
    }

    /// <summary>The loader reads lake scales through AWS S3 URLs: with MinIO only the generated scales work.</summary>
    private static void ValidateLakeStore(DqeConfig config, string key, BenchmarkRunConfig run, Action<bool, string> check) =>
        check(!(run.Engine == "clickhouse" && run.Suite == "tpch" && LakeScale().IsMatch(run.Scale) && config.Lake.Store == "minio"),
            $"{key}.scale = '{run.Scale}' loads from the lake with AWS S3 URLs, but lake.store = minio: use a generated scale (gen_{run.Scale})");

    /// <summary>True for a ClickHouse TPC-H run at a lake scale (tiny, sfN): it needs the lake fields in its input.</summary>
    public static bool ReadsLake(BenchmarkRunConfig run) => run.Engine == "clickhouse" && run.Suite == "tpch" && LakeScale().IsMatch(run.Scale);

    [GeneratedRegex(@"^[a-z][a-z0-9-]{0,30}$")]
    private static partial Regex RunName();

    [GeneratedRegex(@"^(tiny|sf[0-9]+(\.[0-9]+)?)$")]
    private static partial Regex LakeScale();

    [GeneratedRegex(@"^(gen_)?(tiny|sf[0-9]+(\.[0-9]+)?)$")]
    private static partial Regex TpchScale();

    [GeneratedRegex(@"^[0-9]+[km]?$")]
    private static partial Regex RowsScale();

    [GeneratedRegex(@"^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex Bucket();

    [GeneratedRegex(@"^[a-z]{2}(-gov)?-[a-z]+-\d$")]
    private static partial Regex Region();
}
