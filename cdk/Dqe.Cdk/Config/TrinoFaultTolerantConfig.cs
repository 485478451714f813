namespace Dqe.Cdk.Config;

/// <summary>
/// Fault-tolerant execution (retry-policy=TASK): tasks spool their output to an exchange on S3 (a prefix of the lake
/// bucket, or MinIO) so a lost worker costs a task retry, not the query. Off by default: spooling adds latency to
/// short interactive queries, and the platform's workers are on-demand nodes.
/// </summary>
public sealed record TrinoFaultTolerantConfig
{
    public bool Enabled { get; init; }

    /// <summary>Prefix of the lake bucket the exchange spools to; Trino's role may write only there (besides curated/).</summary>
    public string ExchangePrefix { get; init; } = "trino-exchange/";
}
