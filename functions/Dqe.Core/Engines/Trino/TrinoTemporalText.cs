namespace Dqe.Core.Engines.Trino;

/// <summary>Allocation-free parsing of Trino's fixed date/time text forms (UTF-8).</summary>
internal static class TrinoTemporalText
{
    /// <summary><c>yyyy-MM-dd</c>; a leading sign or more year digits are accepted.</summary>
    public static DateOnly Date(ReadOnlySpan<byte> text, out int used)
    {
        if (text.Length >= 10 && text[4] == '-' && text[7] == '-')
        {
            // The common form, four-digit year: fixed positions.
            used = 10;
            return new DateOnly((Two(text, 0) * 100) + Two(text, 2), Two(text, 5), Two(text, 8));
        }

        var dash = text[1..].IndexOf((byte)'-') + 1;
        var year = Digits(text[..dash]);
        used = dash + 6;
        return new DateOnly(year, Digits(text.Slice(dash + 1, 2)), Digits(text.Slice(dash + 4, 2)));
    }

    /// <summary><c>HH:mm:ss[.fffffffff...]</c> as ticks; digits beyond 100 ns are truncated.</summary>
    public static long TimeTicks(ReadOnlySpan<byte> text, out int used)
    {
        if (text.Length >= 8 && text[2] == ':' && text[5] == ':')
        {
            used = 8;
            return (Two(text, 0) * TimeSpan.TicksPerHour) + (Two(text, 3) * TimeSpan.TicksPerMinute) + (Two(text, 6) * TimeSpan.TicksPerSecond)
                + Fraction(text, ref used);
        }

        var ticks = (Digits(text[..2]) * TimeSpan.TicksPerHour) + (Digits(text.Slice(3, 2)) * TimeSpan.TicksPerMinute);
        used = 5;
        if (text.Length > 5 && text[5] == ':')
        {
            ticks += Digits(text.Slice(6, 2)) * TimeSpan.TicksPerSecond;
            used = 8;
        }

        return ticks + Fraction(text, ref used);
    }

    public static long Fraction(ReadOnlySpan<byte> text, ref int used)
    {
        if (used >= text.Length || text[used] != '.')
        {
            return 0;
        }

        used++;
        long ticks = 0;
        var digits = 0;
        while (used < text.Length && (uint)(text[used] - '0') <= 9)
        {
            if (digits++ < 7)
            {
                ticks = (ticks * 10) + (text[used] - '0');
            }

            used++;
        }

        for (; digits < 7; digits++)
        {
            ticks *= 10;
        }

        return ticks;
    }

    /// <summary><c>+HH:mm</c> / <c>-HH:mm</c>.</summary>
    public static TimeSpan Offset(ReadOnlySpan<byte> text)
    {
        var offset = new TimeSpan(Digits(text.Slice(1, 2)), Digits(text.Slice(4, 2)), 0);
        return text[0] == '-' ? -offset : offset;
    }

    /// <summary>Intervals carry one leading '-' for the whole value.</summary>
    public static ReadOnlySpan<byte> Unsigned(ReadOnlySpan<byte> text, out bool negative)
    {
        negative = text.Length > 0 && text[0] == '-';
        return negative ? text[1..] : text;
    }

    private static int Two(ReadOnlySpan<byte> text, int at)
    {
        var high = (uint)(text[at] - '0');
        var low = (uint)(text[at + 1] - '0');
        return high <= 9 && low <= 9 ? (int)((high * 10) + low) : throw new FormatException($"Expected digits in '{System.Text.Encoding.UTF8.GetString(text)}'.");
    }

    public static int Digits(ReadOnlySpan<byte> text)
    {
        var negative = text.Length > 0 && text[0] == '-';
        var value = 0;
        foreach (var b in negative || (text.Length > 0 && text[0] == '+') ? text[1..] : text)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                throw new FormatException($"Expected digits in '{System.Text.Encoding.UTF8.GetString(text)}'.");
            }

            value = (value * 10) + (int)digit;
        }

        return negative ? -value : value;
    }
}
