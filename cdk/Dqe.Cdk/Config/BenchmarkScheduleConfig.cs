namespace Dqe.Cdk.Config;

/// <summary>
/// The nightly benchmark runs (EventBridge rules → benchmark state machine). The keys of this object are the first
/// run (engine, suite, scale, ... as in <see cref="BenchmarkRunConfig"/>); <see cref="Runs"/> adds more, each with its
/// own rule, e.g. <c>"runs": {"clickhouse-tpch": {"engine": "clickhouse"}}</c> next to the Trino TPC-H default.
/// On-demand runs start the same state machine.
/// </summary>
public sealed record BenchmarkScheduleConfig : BenchmarkRunConfig
{
    /// <summary>Name of the run the top-level keys describe.</summary>
    public const string DefaultRun = "default";

    public bool Enabled { get; init; }

    /// <summary>Further nightly runs by name (lower-case, digits, '-'); each key takes every run key, with the same defaults.</summary>
    public IReadOnlyDictionary<string, BenchmarkRunConfig> Runs { get; init; } = new Dictionary<string, BenchmarkRunConfig>();

    /// <summary>Every run with its name: the top-level one first (<see cref="DefaultRun"/>), then <see cref="Runs"/> by name.</summary>
    public IEnumerable<(string Name, BenchmarkRunConfig Run)> All() => [(DefaultRun, this), .. Runs.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value))];
}
