namespace Dqe.Cdk.Engines;

/// <summary>
/// Names under which the automation functions (in the VPC, outside the cluster) reach the engines: a private
/// hosted zone <c>ENV.dqe.internal</c> associated with the VPC only, never resolvable from the internet. The
/// engines' TLS certificates carry these names next to the in-cluster service names.
/// </summary>
/// <param name="ZoneName">The private zone, e.g. dev.dqe.internal.</param>
public sealed record EngineEndpoints(string ZoneName)
{
    public static EngineEndpoints For(string envName) => new($"{envName}.dqe.internal");

    public string TrinoHost => $"trino.{ZoneName}";

    public string ClickHouseHost => $"clickhouse.{ZoneName}";

    public string TrinoUrl => $"https://{TrinoHost}:{Trino.HttpsPort}";

    public string ClickHouseUrl => $"https://{ClickHouseHost}:{ClickHouseInstallationManifest.HttpsPort}";
}
