using Dqe.Cdk.Config;

namespace Dqe.Cdk.Engines;

/// <summary>The installation's settings profile and quota, generated from config (operator's path-style keys).</summary>
internal static class ClickHouseTuning
{
    public const string Profile = "default";
    public const string Quota = "default";

    public static Dictionary<string, object> Profiles(ClickHouseQueryLimitsConfig limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var maxBytes = (long)limits.MaxMemoryGib * 1024 * 1024 * 1024;
        return new Dictionary<string, object>
        {
            [$"{Profile}/max_memory_usage"] = maxBytes,
            // Large GROUP BY and ORDER BY spill to the data volume at half the query limit instead of failing at it.
            [$"{Profile}/max_bytes_before_external_group_by"] = maxBytes / 2,
            [$"{Profile}/max_bytes_before_external_sort"] = maxBytes / 2,
            [$"{Profile}/max_execution_time"] = limits.MaxExecutionSeconds,
        };
    }

    /// <param name="name">Quota name; the people's role quotas (<see cref="ClickHouseUserSettings"/>) reuse the numbers.</param>
    public static Dictionary<string, object> Quotas(ClickHouseQuotaConfig quota, string name = Quota)
    {
        ArgumentNullException.ThrowIfNull(quota);
        return new Dictionary<string, object>
        {
            [$"{name}/interval/duration"] = quota.IntervalSeconds,
            [$"{name}/interval/queries"] = quota.Queries,
            [$"{name}/interval/errors"] = quota.Errors,
            [$"{name}/interval/execution_time"] = quota.ExecutionTimeSeconds,
        };
    }
}
