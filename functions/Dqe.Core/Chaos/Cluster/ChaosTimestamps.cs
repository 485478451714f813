using System.Globalization;

namespace Dqe.Core.Chaos.Cluster;

/// <summary>The one timestamp format Dqe writes into annotations (ISO-8601 UTC, seconds).</summary>
public static class ChaosTimestamps
{
    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : null;
}
