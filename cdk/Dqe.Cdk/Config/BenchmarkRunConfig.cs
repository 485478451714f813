namespace Dqe.Cdk.Config;

/// <summary>
/// One nightly benchmark run: an EventBridge rule starting the benchmark state machine with this engine, suite and
/// scale. <see cref="BenchmarkScheduleConfig"/> is the first run; its <c>runs</c> add more under their own names.
/// </summary>
public record BenchmarkRunConfig
{
    /// <summary>EventBridge schedule expression, UTC (default 02:00 every night).</summary>
    public string Schedule { get; init; } = "cron(0 2 * * ? *)";

    /// <summary>trino (suites tpch, tpcds) or clickhouse (tpch, clickbench).</summary>
    public string Engine { get; init; } = "trino";

    public string Suite { get; init; } = "tpch";

    /// <summary>Trino: the tpch/tpcds schema (tiny, sfN). ClickHouse TPC-H: tiny/sfN from the lake, gen_tiny/gen_sfN generated in-server. ClickBench: rows (10k, 1m).</summary>
    public string Scale { get; init; } = "sf1";

    /// <summary>Engine URL (https) as seen from the functions' subnets; empty (default) = the engine's private endpoint (https://ENGINE.ENV.dqe.internal:8443).</summary>
    public string Server { get; init; } = "";

    public int Iterations { get; init; } = 5;

    /// <summary>Map MaxConcurrency: queries measured at the same time (1-40).</summary>
    public int MaxConcurrency { get; init; } = 1;

    /// <summary>Where a ClickHouse run keeps its tables (engine clickhouse only); omitted = every default from the deployed environment.</summary>
    public BenchmarkClickHouseConfig? ClickHouse { get; init; }
}
