using System.Globalization;
using Dqe.Core.Chaos.Campaigns;

namespace Dqe.Core.Chaos.Probes;

/// <summary>
/// The bounds a probe's value must lie in. A <c>trino</c> probe without bounds needs 1 (it answered); a
/// <c>clickhouse</c> probe without a max only needs a value (every replica and Keeper up).
/// </summary>
public static class ProbeBounds
{
    public static (double Min, double Max) Of(ProbeSpec probe, double? min = null, double? max = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var lower = min ?? probe.Min ?? (probe.Type == ProbeTypes.Trino ? 1 : double.NegativeInfinity);
        return (lower, max ?? probe.Max ?? double.PositiveInfinity);
    }

    public static bool Within(double? value, (double Min, double Max) bounds) =>
        value is { } v && !double.IsNaN(v) && v >= bounds.Min && v <= bounds.Max;

    public static string Format(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "none";
}
