namespace Dqe.Core.Recovery;

/// <summary>Scenario names as the CLI and workflow input spell them.</summary>
public static class DrScenarios
{
    public static IReadOnlyDictionary<string, DrScenario> ByName { get; } = new Dictionary<string, DrScenario>(StringComparer.Ordinal)
    {
        ["replica-loss"] = DrScenario.ReplicaLoss,
        ["keeper-loss"] = DrScenario.KeeperLoss,
        ["az-loss"] = DrScenario.AzLoss,
        ["trino-coordinator-loss"] = DrScenario.TrinoCoordinatorLoss,
        ["region-restore"] = DrScenario.RegionRestore,
    };

    /// <summary>The scenario called <paramref name="name"/>; a clear error listing the valid names otherwise.</summary>
    public static DrScenario Parse(string? name) =>
        name is not null && ByName.TryGetValue(name, out var scenario)
            ? scenario
            : throw new ArgumentException($"scenario '{name}' is unknown; use one of: {string.Join(", ", ByName.Keys)}.", nameof(name));

    public static string NameOf(DrScenario scenario) => ByName.First(p => p.Value == scenario).Key;
}
