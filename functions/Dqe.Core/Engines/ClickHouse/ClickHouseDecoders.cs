using System.Buffers.Text;
using System.Net;

namespace Dqe.Core.Engines.ClickHouse;

/// <summary>
/// Maps ClickHouse type names to decoders. Scalars become typed CLR values; composite types (Array, Tuple, Map,
/// Nested) stay as their unescaped TabSeparated text, which the engine-neutral callers print as-is.
/// </summary>
internal static class ClickHouseDecoders
{
    public static ClickHouseDecoder For(string type)
    {
        var nullable = false;
        var inner = type.Trim();
        while (true)
        {
            if (Unwrap(ref inner, "Nullable("))
            {
                nullable = true;
            }
            else if (!Unwrap(ref inner, "LowCardinality("))
            {
                break;
            }
        }

        var name = inner.Split('(')[0];
        return name switch
        {
            "UInt8" => Make(f => Utf8Parser.TryParse(f, out byte v, out var n) && n == f.Length ? v : throw new FormatException(), nullable, type),
            "UInt16" => Make(f => Utf8Parser.TryParse(f, out ushort v, out var n) && n == f.Length ? v : throw new FormatException(), nullable, type),
            "UInt32" => Make(f => Utf8Parser.TryParse(f, out uint v, out var n) && n == f.Length ? v : throw new FormatException(), nullable, type),
            "UInt64" => Make(f => Utf8Parser.TryParse(f, out ulong v, out var n) && n == f.Length ? v : throw new FormatException(), nullable, type),
            "Int8" => Make(f => Utf8Parser.TryParse(f, out sbyte v, out var n) && n == f.Length ? v : throw new FormatException(), nullable, type),
            "Int16" => Make(f => Utf8Parser.TryParse(f, out short v, out var n) && n == f.Length ? v : throw new FormatException(), nullable, type),
            "Int32" => Make(f => Utf8Parser.TryParse(f, out int v, out var n) && n == f.Length ? v : throw new FormatException(), nullable, type),
            "Int64" => Make(f => Utf8Parser.TryParse(f, out long v, out var n) && n == f.Length ? v : throw new FormatException(), nullable, type),
            "Float32" => Make(f => (float)Float(f), nullable, type),
            "Float64" => Make(Float, nullable, type),
            "Decimal" or "Decimal32" or "Decimal64" or "Decimal128" =>
                Make(f => Utf8Parser.TryParse(f, out decimal v, out var n) && n == f.Length ? v : throw new FormatException(), nullable, type),
            "Bool" => Make(f => f.SequenceEqual("true"u8) || f.SequenceEqual("1"u8), nullable, type),
            "Date" => Make(f => new DateOnly(Digits(f[..4]), Digits(f.Slice(5, 2)), Digits(f.Slice(8, 2))), nullable, type),
            "DateTime" or "DateTime64" => Make(DateTime, nullable, type),
            "UUID" => Make(f => Utf8Parser.TryParse(f, out Guid v, out var n, 'D') && n == f.Length ? v : throw new FormatException(), nullable, type),
            "IPv4" or "IPv6" => Make(f => IPAddress.Parse(System.Text.Encoding.UTF8.GetString(f)), nullable, type),
            _ => Make(ClickHouseTsv.Unescape, nullable, type),
        };
    }

    private static ClickHouseDecoder<T> Make<T>(Func<ReadOnlySpan<byte>, T> parse, bool nullable, string type)
        where T : notnull => new(parse, nullable, type);

    private static bool Unwrap(ref string type, string wrapper)
    {
        if (type.StartsWith(wrapper, StringComparison.Ordinal) && type.EndsWith(')'))
        {
            type = type[wrapper.Length..^1].Trim();
            return true;
        }

        return false;
    }

    private static double Float(ReadOnlySpan<byte> field) =>
        field.SequenceEqual("nan"u8) || field.SequenceEqual("-nan"u8) ? double.NaN
        : field.SequenceEqual("inf"u8) || field.SequenceEqual("+inf"u8) ? double.PositiveInfinity
        : field.SequenceEqual("-inf"u8) ? double.NegativeInfinity
        : Utf8Parser.TryParse(field, out double v, out var n) && n == field.Length ? v : throw new FormatException();

    /// <summary><c>yyyy-MM-dd HH:mm:ss[.fff...]</c> in the column's zone, kept as Unspecified kind.</summary>
    private static DateTime DateTime(ReadOnlySpan<byte> f)
    {
        var value = new DateTime(Digits(f[..4]), Digits(f.Slice(5, 2)), Digits(f.Slice(8, 2)), Digits(f.Slice(11, 2)), Digits(f.Slice(14, 2)), Digits(f.Slice(17, 2)));
        long ticks = 0;
        var digits = 0;
        for (var i = 20; i < f.Length && digits < 7; i++, digits++)
        {
            ticks = (ticks * 10) + Digit(f[i]);
        }

        for (; f.Length > 19 && digits < 7; digits++)
        {
            ticks *= 10;
        }

        return value.AddTicks(ticks);
    }

    private static int Digits(ReadOnlySpan<byte> text)
    {
        var value = 0;
        foreach (var b in text)
        {
            value = (value * 10) + Digit(b);
        }

        return value;
    }

    private static int Digit(byte b) => (uint)(b - '0') <= 9 ? b - '0' : throw new FormatException();
}
