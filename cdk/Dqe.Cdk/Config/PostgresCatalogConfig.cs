namespace Dqe.Cdk.Config;

/// <summary>Connection of Trino's JDBC catalog to PostgreSQL. The password never appears in config or templates.</summary>
public sealed record PostgresCatalogConfig
{
    /// <summary>Host name of the database (e.g. an RDS endpoint in the VPC).</summary>
    public string Host { get; init; } = "postgres.dqe.internal";

    /// <summary>TCP port (1-65535).</summary>
    public int Port { get; init; } = 5432;

    public string Database { get; init; } = "dqe";

    public string User { get; init; } = "trino";

    /// <summary>Secrets Manager secret (name) holding the password under the JSON key "password"; synced into the trino namespace.</summary>
    public string PasswordSecretName { get; init; } = "dqe/trino/postgres";
}
