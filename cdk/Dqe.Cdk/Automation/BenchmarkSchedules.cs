using Amazon.CDK.AWS.Events;
using Constructs;
using Dqe.Cdk.Config;

namespace Dqe.Cdk.Automation;

/// <summary>
/// One EventBridge rule per nightly benchmark run (automation.benchmark and each of its runs), starting the benchmark
/// state machine with the run's input. A ClickHouse run gets its <c>clickHouse</c> block filled from the environment:
/// the installation's cluster, and for TPC-H lake scales the platform lake bucket and region plus the lake writer
/// (Trino's private endpoint and the lake's Glue database), so <c>"engine": "clickhouse"</c> is all it needs.
/// </summary>
public sealed class BenchmarkSchedules : Construct
{
    private readonly Dictionary<string, Rule> _rules = new(StringComparer.Ordinal);

    public BenchmarkSchedules(Construct scope, string id, BenchmarkSchedulesProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        foreach (var (name, run) in props.Config.All())
        {
            _rules[name] = new WorkflowSchedule(this, name == BenchmarkScheduleConfig.DefaultRun ? "Default" : "Run-" + name, new WorkflowScheduleProps(Schedule.Expression(run.Schedule), props.Benchmark)
            {
                Description = $"Nightly {run.Engine}/{run.Suite}/{run.Scale} benchmark ({name})",
                Input = Input(run, props.Targets),
            }).Rule;
        }
    }

    /// <summary>The rule of each run, by run name ("default" for the top-level keys).</summary>
    public IReadOnlyDictionary<string, Rule> Rules => _rules;

    /// <summary>The state machine input of one run: the workflow's on-demand input shape.</summary>
    internal static Dictionary<string, object> Input(BenchmarkRunConfig run, BenchmarkTargets targets)
    {
        var input = new Dictionary<string, object>
        {
            ["engine"] = run.Engine, ["suite"] = run.Suite, ["scale"] = run.Scale,
            ["server"] = run.Server.Length > 0 ? run.Server : run.Engine == "trino" ? targets.TrinoUrl : targets.ClickHouseUrl,
            ["iterations"] = run.Iterations, ["maxConcurrency"] = run.MaxConcurrency,
        };
        if (run.Engine == "clickhouse")
        {
            input["clickHouse"] = ClickHouse(run, run.ClickHouse ?? new BenchmarkClickHouseConfig(), targets);
        }

        return input;
    }

    private static Dictionary<string, object> ClickHouse(BenchmarkRunConfig run, BenchmarkClickHouseConfig ch, BenchmarkTargets targets)
    {
        var clickHouse = new Dictionary<string, object> { ["cluster"] = ch.Cluster.Length > 0 ? ch.Cluster : targets.ClusterName, ["database"] = ch.Database };
        if (!BenchmarkConfigValidator.ReadsLake(run))
        {
            return clickHouse;
        }

        clickHouse["lakeBucket"] = ch.LakeBucket.Length > 0 ? ch.LakeBucket : targets.LakeBucket;
        clickHouse["lakeRegion"] = ch.LakeRegion.Length > 0 ? ch.LakeRegion : targets.LakeRegion;
        if (ch.WriteLake)
        {
            clickHouse["lakeWriter"] = new Dictionary<string, object> { ["server"] = targets.TrinoUrl, ["schema"] = targets.LakeSchema };
        }

        return clickHouse;
    }
}
