using System.Globalization;

namespace Dqe.Core.Benchmarks;

/// <summary>Dotted numeric versions (ClickHouse <c>18.16.1</c>, Trino <c>435</c>) compared part by part.</summary>
internal static class ServerVersion
{
    public static bool TryParse(string text, out int[] parts)
    {
        parts = [];
        // Trino can report "435-e.1" or "testversion"; only the leading numeric part matters.
        var numeric = text.Trim().Split('-')[0];
        var pieces = numeric.Split('.');
        var result = new int[pieces.Length];
        for (var i = 0; i < pieces.Length; i++)
        {
            if (!int.TryParse(pieces[i], NumberStyles.None, CultureInfo.InvariantCulture, out result[i]))
            {
                return false;
            }
        }

        parts = result;
        return pieces.Length > 0;
    }

    /// <summary>True when <paramref name="server"/> is at least <paramref name="minimum"/>; unknown server versions pass.</summary>
    public static bool Satisfies(string? server, string minimum)
    {
        if (server is null || !TryParse(server, out var have) || !TryParse(minimum, out var need))
        {
            return true;
        }

        for (var i = 0; i < Math.Max(have.Length, need.Length); i++)
        {
            var a = i < have.Length ? have[i] : 0;
            var b = i < need.Length ? need[i] : 0;
            if (a != b)
            {
                return a > b;
            }
        }

        return true;
    }
}
