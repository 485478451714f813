using System.Text.RegularExpressions;

namespace Dqe.Core.Recovery;

/// <summary>
/// Where drills act and what they must achieve. Defaults: namespace <c>dqe</c> for ClickHouse and Keeper,
/// <c>trino</c> for the Trino coordinator (the engines run in their own namespaces), 6 heartbeats 5 s apart before
/// the fault, recovery given up after 30 min, and objectives: replica/Keeper/Trino coordinator loss RTO 5 min
/// RPO 0; AZ loss RTO 15 min RPO 1 min; region restore RTO 4 h RPO 25 h (daily backups).
/// </summary>
public sealed partial record DrillOptions(
    string Namespace = "dqe",
    string ClickHouseSelector = "app.kubernetes.io/name=clickhouse",
    string KeeperSelector = "app.kubernetes.io/name=clickhouse-keeper",
    string TrinoCoordinatorSelector = "app.kubernetes.io/name=trino,app.kubernetes.io/component=coordinator",
    string Zone = "",
    int HeartbeatIntervalSeconds = 5,
    int HeartbeatCount = 6,
    int RecoveryTimeoutSeconds = 1800,
    IReadOnlyDictionary<DrScenario, DrObjective>? Objectives = null,
    string TrinoNamespace = "trino")
{
    public static IReadOnlyDictionary<DrScenario, DrObjective> DefaultObjectives { get; } = new Dictionary<DrScenario, DrObjective>
    {
        [DrScenario.ReplicaLoss] = new(300, 0),
        [DrScenario.KeeperLoss] = new(300, 0),
        [DrScenario.AzLoss] = new(900, 60),
        [DrScenario.TrinoCoordinatorLoss] = new(300, 0),
        [DrScenario.RegionRestore] = new(4 * 3600, 25 * 3600),
    };

    public DrObjective ObjectiveOf(DrScenario scenario) =>
        (Objectives ?? DefaultObjectives).TryGetValue(scenario, out var objective) ? objective : DefaultObjectives[scenario];

    /// <summary>Throws naming the field; <paramref name="scenario"/> adds the checks that scenario needs.</summary>
    public void Validate(DrScenario scenario)
    {
        Require(Name().IsMatch(Namespace ?? ""), nameof(Namespace), $"'{Namespace}' is not a Kubernetes namespace name");
        Require(Name().IsMatch(TrinoNamespace ?? ""), nameof(TrinoNamespace), $"'{TrinoNamespace}' is not a Kubernetes namespace name");
        foreach (var (field, selector) in new[] { (nameof(ClickHouseSelector), ClickHouseSelector), (nameof(KeeperSelector), KeeperSelector), (nameof(TrinoCoordinatorSelector), TrinoCoordinatorSelector) })
        {
            Require(Selector().IsMatch(selector ?? ""), field, $"'{selector}' is not an equality label selector (k=v[,k=v])");
        }

        Require(HeartbeatIntervalSeconds is >= 1 and <= 300, nameof(HeartbeatIntervalSeconds), $"must be 1..300, got {HeartbeatIntervalSeconds}");
        Require(HeartbeatCount is >= 1 and <= 100, nameof(HeartbeatCount), $"must be 1..100, got {HeartbeatCount}");
        Require(RecoveryTimeoutSeconds is >= 30 and <= 86_400, nameof(RecoveryTimeoutSeconds), $"must be 30..86400, got {RecoveryTimeoutSeconds}");
        Require(scenario != DrScenario.AzLoss || Name().IsMatch(Zone ?? ""), nameof(Zone), "az-loss needs the availability zone to cordon, e.g. eu-west-1a");
        foreach (var (name, objective) in Objectives ?? DefaultObjectives)
        {
            Require(objective.RtoSeconds > 0 && objective.RpoSeconds >= 0, nameof(Objectives), $"{name}: RTO must be > 0 and RPO >= 0");
        }
    }

    private static void Require(bool condition, string field, string reason)
    {
        if (!condition)
        {
            throw new ArgumentException($"{field}: {reason}.", field);
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex Name();

    [GeneratedRegex(@"^[A-Za-z0-9./_-]+=[A-Za-z0-9._-]+(,[A-Za-z0-9./_-]+=[A-Za-z0-9._-]+)*$")]
    private static partial Regex Selector();
}
