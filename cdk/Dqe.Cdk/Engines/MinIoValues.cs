namespace Dqe.Cdk.Engines;

/// <summary>Values of the MinIO chart (charts.min.io): distributed mode, gp3 volumes, buckets and one engine user.</summary>
internal sealed record MinIoValues(
    string Mode,
    int Replicas,
    string ExistingSecret,
    MinIoValues.PersistenceValues Persistence,
    ResourceValues Resources,
    object NodeSelector,
    object Tolerations,
    IReadOnlyList<MinIoValues.BucketValues> Buckets,
    IReadOnlyList<MinIoValues.UserValues> Users,
    MinIoValues.MetricsValues Metrics)
{
    internal sealed record PersistenceValues(bool Enabled, string StorageClass, string Size);

    internal sealed record BucketValues(string Name, string Policy, bool Purge, bool Versioning);

    internal sealed record UserValues(string AccessKey, string ExistingSecret, string ExistingSecretKey, string Policy);

    internal sealed record MetricsValues(MonitorValues ServiceMonitor);

    internal sealed record MonitorValues(bool Enabled, IReadOnlyDictionary<string, string> AdditionalLabels);
}
