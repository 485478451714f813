namespace Dqe.Core.Hosting;

/// <summary>
/// Environment variables the CDK app sets on a function and the handlers read: the one list both sides use,
/// so a renamed variable breaks the build instead of a deployed function. Secrets are never values here:
/// only the ARNs of Secrets Manager secrets the function reads at run time.
/// </summary>
public static class FunctionVariables
{
    /// <summary>Environment name (dev, prod, ...).</summary>
    public const string Env = "DQE_ENV";

    /// <summary>Trino coordinator HTTPS URL reachable from the functions' subnets.</summary>
    public const string TrinoUrl = "DQE_TRINO_URL";

    /// <summary>ClickHouse HTTPS URL reachable from the functions' subnets.</summary>
    public const string ClickHouseUrl = "DQE_CLICKHOUSE_URL";

    /// <summary>ARN of the secret {"user", "password"} of the Trino user.</summary>
    public const string TrinoSecretArn = "DQE_TRINO_SECRET_ARN";

    /// <summary>ARN of the secret {"user", "password"} of the ClickHouse user.</summary>
    public const string ClickHouseSecretArn = "DQE_CLICKHOUSE_SECRET_ARN";

    /// <summary>Name of the secret holding the PEM CA certificate that signed the engines' TLS certificates.</summary>
    public const string EnginesCaSecret = "DQE_ENGINES_CA_SECRET";

    /// <summary>Reports bucket (benchmark, chaos and drill reports, baselines, offloaded payloads).</summary>
    public const string ReportsBucket = "DQE_REPORTS_BUCKET";

    /// <summary>Backups bucket (ClickHouse backups and their manifests).</summary>
    public const string BackupsBucket = "DQE_BACKUPS_BUCKET";

    /// <summary>Prometheus' HTTP URL for the chaos workflow's promql probes (instant queries at /api/v1/query).</summary>
    public const string PrometheusUrl = "DQE_PROMETHEUS_URL";
}
