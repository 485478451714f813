namespace Dqe.Core.Chaos.Campaigns;

/// <summary>Hard limits no campaign file can lift; validation rejects anything beyond them.</summary>
public static class ChaosLimits
{
    /// <summary>Where the engines run; the default allowed namespaces.</summary>
    public static IReadOnlyList<string> EngineNamespaces { get; } = ["trino", "clickhouse"];

    /// <summary>Namespaces a campaign may never target, whatever its blast radius says.</summary>
    public static IReadOnlyList<string> ProtectedNamespaces { get; } =
        ["kube-system", "kube-public", "kube-node-lease", "default", "chaos-mesh", "amazon-cloudwatch", "cert-manager"];

    public const int MaxPercent = 50;
    public const int MaxPods = 20;
    public const int MaxNodes = 3;
    public const int MaxFaults = 8;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxRecoveryTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan MinPollInterval = TimeSpan.FromSeconds(5);
}
