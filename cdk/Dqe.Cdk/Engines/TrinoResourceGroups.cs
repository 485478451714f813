using Dqe.Cdk.Config;
using Dqe.Core.Benchmarks;

namespace Dqe.Cdk.Engines;

/// <summary>
/// resource-groups.json for the file-based resource group manager (the chart writes resource-groups.properties
/// pointing at it): one weighted root <c>global</c> with the ETL, benchmark and ad-hoc groups, selected by source.
/// </summary>
internal static class TrinoResourceGroups
{
    /// <summary>The source the benchmark workflow's Trino client sends (X-Trino-Source).</summary>
    public const string BenchmarkSource = BenchmarkOptions.TrinoSource;

    public const string Root = "global";

    public static string Json(TrinoResourceGroupsConfig groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        (string Name, TrinoResourceGroupConfig Config)[] all = [("etl", groups.Etl), ("benchmark", groups.Benchmark), ("adhoc", groups.Adhoc)];
        return Kube.ConfigFile(new
        {
            rootGroups = new[]
            {
                new
                {
                    name = Root,
                    // The root only bounds the sum; each group's own limits apply first.
                    softMemoryLimit = "100%",
                    hardConcurrencyLimit = all.Sum(g => g.Config.HardConcurrencyLimit),
                    maxQueued = all.Sum(g => g.Config.MaxQueued),
                    schedulingPolicy = "weighted",
                    subGroups = all.Select(g => new
                    {
                        name = g.Name,
                        softMemoryLimit = $"{g.Config.MemoryGib}GB",
                        hardConcurrencyLimit = g.Config.HardConcurrencyLimit,
                        maxQueued = g.Config.MaxQueued,
                        schedulingWeight = g.Config.SchedulingWeight,
                    }).ToArray(),
                },
            },
            // First match wins: the benchmark by its exact source, ETL by pattern, everyone else ad hoc.
            selectors = new object[]
            {
                new { source = BenchmarkSource, group = $"{Root}.benchmark" },
                new { source = groups.EtlSourcePattern, group = $"{Root}.etl" },
                new { group = $"{Root}.adhoc" },
            },
        });
    }
}
