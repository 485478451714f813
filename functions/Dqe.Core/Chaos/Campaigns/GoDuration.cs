using System.Globalization;

namespace Dqe.Core.Chaos.Campaigns;

/// <summary>
/// Durations as Chaos Mesh writes them (Go syntax: <c>90s</c>, <c>5m</c>, <c>1h30m</c>, <c>250ms</c>), so a
/// campaign value can be copied into a Chaos Mesh object unchanged.
/// </summary>
public static class GoDuration
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        var negative = span.StartsWith("-");
        if (negative)
        {
            span = span[1..];
        }

        var total = 0d;
        while (!span.IsEmpty)
        {
            var digits = 0;
            while (digits < span.Length && (char.IsAsciiDigit(span[digits]) || span[digits] == '.'))
            {
                digits++;
            }

            var unitLength = 0;
            while (digits + unitLength < span.Length && char.IsAsciiLetter(span[digits + unitLength]))
            {
                unitLength++;
            }

            if (digits == 0 || unitLength == 0
                || !double.TryParse(span[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            double? unit = span.Slice(digits, unitLength) switch
            {
                "ms" => 0.001,
                "s" => 1,
                "m" => 60,
                "h" => 3600,
                _ => null,
            };
            if (unit is null)
            {
                return false;
            }

            total += number * unit.Value;
            span = span[(digits + unitLength)..];
        }

        value = TimeSpan.FromSeconds(negative ? -total : total);
        return true;
    }

    /// <summary>Whole seconds in Go syntax (<c>90s</c>), the form Dqe writes into Chaos Mesh objects.</summary>
    public static string Format(TimeSpan value) => $"{(long)Math.Ceiling(value.TotalSeconds)}s";
}
