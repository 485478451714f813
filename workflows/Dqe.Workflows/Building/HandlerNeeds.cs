namespace Dqe.Workflows.Building;

/// <summary>
/// What a handler's function must reach once deployed. The CDK app turns each flag into the narrowest grant,
/// network path and environment that gives it (see Dqe.Cdk.Automation.FunctionAccess); a handler without a
/// flag gets nothing beyond its own log group.
/// </summary>
[Flags]
public enum HandlerNeeds
{
    None = 0,

    /// <summary>The EKS API as the Kubernetes group dqe-automation (scoped RBAC in the engine namespaces).</summary>
    Kubernetes = 1,

    /// <summary>Trino and ClickHouse over TLS as the engine users, with their credentials from Secrets Manager.</summary>
    Engines = 2,

    /// <summary>Read and write the reports bucket (reports, baselines, offloaded payloads).</summary>
    Reports = 4,

    /// <summary>Read and write the backups bucket (manifests, copies).</summary>
    Backups = 8,

    /// <summary>Prometheus' query API through the Kubernetes API server's service proxy (implies the EKS API access).</summary>
    Metrics = 16,
}
