namespace Dqe.Cdk.Engines;

/// <summary>Values of the official Trino chart (trinodb/charts, 1.x layout), only the keys Dqe sets.</summary>
internal sealed record TrinoValues(
    TrinoValues.ServerValues Server,
    TrinoValues.AccountValues ServiceAccount,
    TrinoValues.NodeValues Coordinator,
    TrinoValues.NodeValues Worker,
    IReadOnlyDictionary<string, string> Catalogs,
    IReadOnlyList<object> Env,
    IReadOnlyList<TrinoValues.SecretMount> SecretMounts,
    TrinoValues.AuthValues Auth,
    IReadOnlyList<string> AdditionalConfigProperties,
    TrinoValues.JmxValues Jmx,
    TrinoValues.MonitorValues ServiceMonitor,
    TrinoValues.ResourceGroupsValues ResourceGroups,
    IReadOnlyList<string> AdditionalExchangeManagerProperties)
{
    /// <summary>File-based system access control (rules per role, <see cref="TrinoAccessRules"/>), re-read every refresh period.</summary>
    public AccessControlValues? AccessControl { get; init; }

    /// <param name="Type">configmap: the chart mounts <paramref name="Rules"/> and points access-control.properties at <paramref name="ConfigFile"/>.</param>
    internal sealed record AccessControlValues(string Type, string RefreshPeriod, string ConfigFile, IReadOnlyDictionary<string, string> Rules);

    internal sealed record ServerValues(int Workers, NodeEnvironment Node, ServerConfig Config, AutoscalingValues Autoscaling, ExchangeManagerValues? ExchangeManager)
    {
        /// <summary>Lines appended to the workers' config.properties.</summary>
        public string? WorkerExtraConfig { get; init; }
    }

    /// <summary>The file-based resource group manager's JSON (mounted at /etc/trino/resource-groups/).</summary>
    /// <param name="Type">configmap: the chart's switch for the file-based manager (chart versions without it ignore the key).</param>
    /// <param name="ResourceGroupsConfig">resource-groups.json.</param>
    internal sealed record ResourceGroupsValues(string Type, string ResourceGroupsConfig);

    /// <param name="Name">filesystem: S3-compatible object storage.</param>
    /// <param name="BaseDir">exchange.base-directories.</param>
    internal sealed record ExchangeManagerValues(string Name, string BaseDir);

    internal sealed record NodeEnvironment(string Environment);

    internal sealed record ServerConfig(QueryLimit Query, HttpsValues Https, string AuthenticationType);

    internal sealed record AuthValues(string PasswordAuthSecret);

    internal sealed record HttpsValues(bool Enabled, int Port, KeystoreValues Keystore);

    internal sealed record KeystoreValues(string Path);

    internal sealed record QueryLimit(string MaxMemory);

    internal sealed record AutoscalingValues(
        bool Enabled,
        int MaxReplicas,
        int TargetCPUUtilizationPercentage,
        int TargetMemoryUtilizationPercentage,
        object Behavior);

    internal sealed record AccountValues(bool Create, string Name);

    internal sealed record NodeValues(
        JvmValues Jvm,
        NodeConfig Config,
        ResourceValues Resources,
        object NodeSelector,
        object Tolerations,
        object? Affinity,
        int TerminationGracePeriodSeconds,
        GracefulShutdownValues? GracefulShutdown,
        IReadOnlyList<object> AdditionalVolumes,
        IReadOnlyList<object> AdditionalVolumeMounts)
    {
        /// <summary>Secrets mounted on this role only (the top-level list goes to every pod).</summary>
        public IReadOnlyList<SecretMount>? SecretMounts { get; init; }

        /// <summary>Extra jvm.config lines; -D system properties there override config.properties.</summary>
        public IReadOnlyList<string>? AdditionalJVMConfig { get; init; }
    }

    internal sealed record JvmValues(string MaxHeapSize);

    internal sealed record NodeConfig(MemoryConfig Memory, QueryMemory Query);

    internal sealed record MemoryConfig(string HeapHeadroomPerNode);

    internal sealed record QueryMemory(string MaxMemoryPerNode);

    internal sealed record GracefulShutdownValues(bool Enabled, int GracePeriodSeconds);

    internal sealed record SecretMount(string Name, string SecretName, string Path);

    internal sealed record JmxValues(bool Enabled, int RegistryPort, int ServerPort, ExporterValues Exporter);

    internal sealed record ExporterValues(bool Enabled, string Image, string PullPolicy, int Port, string ConfigProperties);

    internal sealed record MonitorValues(bool Enabled, IReadOnlyDictionary<string, string> Labels, string Interval);
}
