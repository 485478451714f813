namespace Dqe.Core.Engines.Trino;

/// <summary>Allocation-free parsing of Trino's fixed date/time text forms (UTF-8).</summary>
internal static class TrinoTemporalText
{
    /// <summary><c>yyyy-MM-dd</c>; a leading sign or more year digits are accepted.</summary>
    public static DateOnly Date(ReadOnlySpan<byte> text, out int used)
    {
        var dash = text[1..].IndexOf((byte)'-') + 1;
        var year = Digits(text[..dash]);
        used = dash + 6;
        return new DateOnly(year, Digits(text.Slice(dash + 1, 2)), Digits(text.Slice(dash + 4, 2)));
    }

    /// <summary><c>HH:mm:ss[.fffffffff...]</c> as ticks; digits beyond 100 ns are truncated.</summary>
    public static long TimeTicks(ReadOnlySpan<byte> text, out int used)
    {
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
