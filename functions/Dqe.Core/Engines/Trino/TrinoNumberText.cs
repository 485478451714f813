namespace Dqe.Core.Engines.Trino;

/// <summary>
/// Fast paths for the numbers that dominate Trino pages: plain decimal integers, and doubles written with at
/// most 19 digits and no exponent (Trino writes doubles in shortest round-trip form: up to 17 significant
/// digits). Both double paths are exact, so results are correctly rounded like the framework parser's;
/// anything else (exponents, longer mantissas) returns false and the caller uses the framework parser.
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

    /// <summary>
    /// Clinger's fast path when the mantissa is below 2^53 (an exact integer divided by an exact power of ten is
    /// correctly rounded); otherwise an exact integer division (see <see cref="Divide"/>).
    /// </summary>
    public static bool TryDouble(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        if (!TryScan(text, 19, out var negative, out var mantissa, out var fraction))
        {
            return false;
        }

        value = mantissa <= 1UL << 53 ? (fraction > 0 ? mantissa / Pow10[fraction] : mantissa)
            : fraction == 0 ? mantissa // ulong → double conversion rounds to nearest even
            : Divide(mantissa, fraction);
        value = negative ? -value : value;
        return true;
    }

    // 5^f for f <= 27 fits in 64 bits; a scan has at most 19 fraction digits.
    private static readonly ulong[] Pow5 = [.. Enumerable.Range(0, 28).Select(f => (ulong)System.Numerics.BigInteger.Pow(5, f))];

    /// <summary>
    /// w / 10^f correctly rounded: 10^f = 5^f * 2^f, so q = floor(w * 2^n / 5^f) is computed exactly in 128-bit
    /// integers with n chosen to give q 55 to 57 bits; q is rounded to 53 bits (half to even, the division's
    /// remainder counting as sticky bits) and scaled by 2^-(n+f), which is exact.
    /// </summary>
    private static double Divide(ulong w, int f)
    {
        var divisor = Pow5[f];
        var n = Math.Max(0, 56 + (64 - System.Numerics.BitOperations.LeadingZeroCount(divisor)) - (64 - System.Numerics.BitOperations.LeadingZeroCount(w)));
        var (quotient, remainder) = UInt128.DivRem((UInt128)w << n, divisor);
        var q = (ulong)quotient;
        var shift = 64 - System.Numerics.BitOperations.LeadingZeroCount(q) - 53;
        var m = q >> shift;
        var rest = q & ((1UL << shift) - 1);
        var half = 1UL << (shift - 1);
        if (rest > half || (rest == half && (remainder != 0 || (m & 1) != 0)))
        {
            m++;
        }

        return Math.ScaleB(m, shift - n - f);
    }

    /// <summary>Up to 18 digits with an optional sign and point: exact as a 64-bit mantissa plus scale.</summary>
    public static bool TryDecimal(ReadOnlySpan<byte> text, out decimal value)
    {
        value = 0;
        if (!TryScan(text, 18, out var negative, out var mantissa, out var scale))
        {
            return false;
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)scale);
        return true;
    }

    /// <summary><c>[-]digits[.digits]</c> with at most <paramref name="maxDigits"/> digits in all.</summary>
    private static bool TryScan(ReadOnlySpan<byte> text, int maxDigits, out bool negative, out ulong mantissa, out int fractionDigits)
    {
        negative = text.Length > 0 && text[0] == '-';
        mantissa = 0;
        var digits = 0;
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
            if (digit > 9 || ++digits > maxDigits)
            {
                fractionDigits = 0;
                return false;
            }

            mantissa = (mantissa * 10) + digit;
            if (fraction >= 0)
            {
                fraction++;
            }
        }

        fractionDigits = Math.Max(fraction, 0);
        return digits > 0;
    }
}
