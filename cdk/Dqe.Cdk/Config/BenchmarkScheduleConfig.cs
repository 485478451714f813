namespace Dqe.Cdk.Config;

/// <summary>
/// The nightly benchmark run (EventBridge rule → benchmark state machine). The input names engine, suite,
/// scale and the engine URL the functions reach from the VPC; on-demand runs start the same state machine.
/// </summary>
public sealed record BenchmarkScheduleConfig
{
    public bool Enabled { get; init; }

    /// <summary>EventBridge schedule expression, UTC (default 02:00 every night).</summary>
    public string Schedule { get; init; } = "cron(0 2 * * ? *)";

    public string Engine { get; init; } = "trino";

    public string Suite { get; init; } = "tpch";

    public string Scale { get; init; } = "sf1";

    /// <summary>Engine URL (https) as seen from the functions' subnets; empty (default) = the engine's private endpoint (https://ENGINE.ENV.dqe.internal:8443).</summary>
    public string Server { get; init; } = "";

    public int Iterations { get; init; } = 5;

    /// <summary>Map MaxConcurrency: queries measured at the same time (1-40).</summary>
    public int MaxConcurrency { get; init; } = 1;
}
