namespace Dqe.Cdk.Observability.Dashboards;

/// <summary>
/// The CloudWatch metrics (namespace <see cref="Namespace"/>, emitted as EMF by the benchmark, chaos, backup and
/// DR workflows) that the reliability dashboard charts. Later workflows emit exactly these names and dimensions.
/// </summary>
public static class ReliabilityMetrics
{
    public const string Namespace = "Dqe";

    /// <summary>Benchmark p95 query latency in milliseconds; dimension Engine.</summary>
    public const string BenchmarkP95Ms = "BenchmarkP95Ms";

    /// <summary>Benchmark throughput in queries per second; dimension Engine.</summary>
    public const string BenchmarkQueriesPerSecond = "BenchmarkQueriesPerSecond";

    /// <summary>1 when a chaos experiment met its steady-state hypothesis, else 0; dimension Experiment.</summary>
    public const string ChaosRunPassed = "ChaosRunPassed";

    /// <summary>1 when a backup completed and verified, else 0; dimension Engine.</summary>
    public const string BackupSucceeded = "BackupSucceeded";

    /// <summary>1 when a restore test matched the source, else 0; dimension Engine.</summary>
    public const string RestoreVerified = "RestoreVerified";

    /// <summary>Measured recovery time of a DR drill in seconds; dimension Engine.</summary>
    public const string DrRecoveryTimeSeconds = "DrRecoveryTimeSeconds";

    /// <summary>Measured data loss window of a DR drill in seconds; dimension Engine.</summary>
    public const string DrRecoveryPointSeconds = "DrRecoveryPointSeconds";

    public const string EngineDimension = "Engine";
    public const string ExperimentDimension = "Experiment";
}
