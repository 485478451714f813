namespace Dqe.Core.Engines.Trino;

/// <summary>
/// Fast paths for the numbers that dominate Trino pages: plain decimal integers and doubles with at most 15
/// significant digits. Anything else (exponents, long mantissas) returns false and the caller uses the
/// framework parser, so results are always correctly rounded.
/// </summary>
internal static class TrinoNumberText
{
    private static readonly double[] Pow10 =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    public static bool TryInt64(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        var negative = text.Length > 0 && text[0] == '-';
        var digits = negative ? text[1..] : text;
        if (digits.Length is 0 or > 18)
        {
            return false;
        }

        foreach (var b in digits)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        value = negative ? -value : value;
        return true;
    }

    /// <summary>Clinger's fast path: an exact integer mantissa below 2^53 scaled by an exact power of ten is correctly rounded.</summary>
    public static bool TryDouble(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        var negative = text.Length > 0 && text[0] == '-';
        long mantissa = 0;
        var significant = 0;
        var fraction = -1;
        for (var i = negative ? 1 : 0; i < text.Length; i++)
        {
            var b = text[i];
            if (b == '.' && fraction < 0)
            {
                fraction = 0;
                continue;
            }

            var digit = (uint)(b - '0');
            if (digit > 9 || ++significant > 15)
            {
                return false;
            }

            mantissa = (mantissa * 10) + digit;
            if (fraction >= 0)
            {
                fraction++;
            }
        }

        if (significant == 0)
        {
            return false;
        }

        value = fraction > 0 ? mantissa / Pow10[fraction] : mantissa;
        value = negative ? -value : value;
        return true;
    }
}
