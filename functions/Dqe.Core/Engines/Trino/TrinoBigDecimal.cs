using System.Globalization;
using System.Numerics;

namespace Dqe.Core.Engines.Trino;

/// <summary>
/// A <c>decimal(p,s)</c> value with p &gt; 28, which <see cref="decimal"/> cannot hold exactly: the unscaled
/// integer and the scale. Columns with p &lt;= 28 decode to <see cref="decimal"/> instead.
/// </summary>
public readonly record struct TrinoBigDecimal(BigInteger Unscaled, int Scale)
{
    public static TrinoBigDecimal Parse(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? text : string.Concat(text.AsSpan(0, dot), text.AsSpan(dot + 1));
        return new TrinoBigDecimal(BigInteger.Parse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), dot < 0 ? 0 : text.Length - dot - 1);
    }

    public override string ToString()
    {
        var digits = BigInteger.Abs(Unscaled).ToString(CultureInfo.InvariantCulture).PadLeft(Scale + 1, '0');
        var sign = Unscaled.Sign < 0 ? "-" : "";
        return Scale == 0 ? sign + digits : $"{sign}{digits[..^Scale]}.{digits[^Scale..]}";
    }
}
