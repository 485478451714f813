namespace Dqe.Core.Remediation;

/// <summary>
/// Guardrails and bounds of automatic remediation; validated once by <see cref="Validate"/>. Defaults are
/// deliberately conservative: one action per alert and target per 30 minutes, at most 10 actions and 3 distinct
/// targets (in a single availability zone) per 15-minute window, kube-system never touched, and an alert's
/// remediation stops after 3 failed attempts.
/// </summary>
public sealed record RemediationOptions
{
    /// <summary>Record decisions but change nothing (also per alert: label <c>remediation_dry_run="true"</c>).</summary>
    public bool DryRun { get; init; }

    /// <summary>Webhook bodies above this size are refused with 413 (Alertmanager groups are small).</summary>
    public int MaxPayloadBytes { get; init; } = 1024 * 1024;

    public int MaxAlertsPerPayload { get; init; } = 200;

    /// <summary>A second firing notification for the same (alert, target) within this time is acknowledged and ignored.</summary>
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Window of the global rate limit and of the blast radius.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(15);

    public int MaxActionsPerWindow { get; init; } = 10;

    public int MaxTargetsPerWindow { get; init; } = 3;

    public int MaxZonesPerWindow { get; init; } = 1;

    /// <summary>After this many failed remediations of the same alert, only escalate.</summary>
    public int CircuitBreakerFailures { get; init; } = 3;

    /// <summary>How long a breaker stays open and how long guardrail items live (DynamoDB TTL).</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromHours(24);

    public IReadOnlyList<string> ProtectedNamespaces { get; init; } = ["kube-system"];

    public string TrinoNamespace { get; init; } = "trino";

    public string TrinoWorkerDeployment { get; init; } = "trino-worker";

    /// <summary>Upper bound for Trino workers (the HPA maximum); scaling never goes above it.</summary>
    public int TrinoMaxWorkers { get; init; } = 10;

    public int TrinoScaleStep { get; init; } = 2;

    public string ClickHouseNamespace { get; init; } = "clickhouse";

    /// <summary>Per-shard StatefulSet name; <c>{shard}</c> is replaced by the alert's <c>shard</c> label.</summary>
    public string ClickHouseShardStatefulSet { get; init; } = "clickhouse-shard{shard}";

    public int ClickHouseMaxReplicasPerShard { get; init; } = 3;

    /// <summary>Wait between acting and verifying (the workflow's Wait state).</summary>
    public TimeSpan VerifyAfter { get; init; } = TimeSpan.FromMinutes(5);

    public void Validate()
    {
        Require(MaxPayloadBytes is >= 1024 and <= 6 * 1024 * 1024, nameof(MaxPayloadBytes), "between 1 KiB and 6 MiB (the Lambda payload limit)");
        Require(MaxAlertsPerPayload is >= 1 and <= 10_000, nameof(MaxAlertsPerPayload), "between 1 and 10000");
        Require(Cooldown > TimeSpan.Zero && Cooldown <= TimeSpan.FromDays(1), nameof(Cooldown), "between 1 s and 1 day");
        Require(Window > TimeSpan.Zero && Window <= TimeSpan.FromDays(1), nameof(Window), "between 1 s and 1 day");
        Require(MaxActionsPerWindow >= 1, nameof(MaxActionsPerWindow), "at least 1");
        Require(MaxTargetsPerWindow >= 1, nameof(MaxTargetsPerWindow), "at least 1");
        Require(MaxZonesPerWindow >= 1, nameof(MaxZonesPerWindow), "at least 1");
        Require(CircuitBreakerFailures >= 1, nameof(CircuitBreakerFailures), "at least 1");
        Require(Retention >= Cooldown && Retention >= Window, nameof(Retention), "at least the cooldown and the window");
        Require(ProtectedNamespaces.Contains("kube-system"), nameof(ProtectedNamespaces), "must include kube-system");
        Require(TrinoMaxWorkers >= 1 && TrinoScaleStep >= 1, nameof(TrinoMaxWorkers), "TrinoMaxWorkers and TrinoScaleStep at least 1");
        Require(ClickHouseMaxReplicasPerShard is >= 1 and <= 10, nameof(ClickHouseMaxReplicasPerShard), "between 1 and 10");
        Require(ClickHouseShardStatefulSet.Contains("{shard}", StringComparison.Ordinal), nameof(ClickHouseShardStatefulSet), "must contain {shard}");
        Require(VerifyAfter >= TimeSpan.Zero && VerifyAfter <= TimeSpan.FromHours(1), nameof(VerifyAfter), "between 0 and 1 hour");
    }

    private static void Require(bool condition, string field, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"remediation option {field} must be {rule}", field);
        }
    }
}
