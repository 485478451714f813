using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Dqe.Core.Engines.Trino;

internal sealed class BigintDecoder : TrinoDecoder<long>
{
    public override long Read(ref Utf8JsonReader reader) => Scalar(ref reader, "bigint");

    // Trino sends bigint as a number; some proxies quote 64-bit values so JavaScript keeps them exact.
    protected override bool TryDecode(JsonTokenType token, ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        return token is JsonTokenType.Number or JsonTokenType.String
            && (TrinoNumberText.TryInt64(text, out value) || (Utf8Parser.TryParse(text, out value, out var used) && used == text.Length));
    }
}

internal sealed class IntegerDecoder : TrinoDecoder<int>
{
    public override int Read(ref Utf8JsonReader reader) => Scalar(ref reader, "integer");

    protected override bool TryDecode(JsonTokenType token, ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        if (token != JsonTokenType.Number || !TrinoNumberText.TryInt64(text, out var wide) || wide is < int.MinValue or > int.MaxValue)
        {
            return token == JsonTokenType.Number && Utf8Parser.TryParse(text, out value, out var used) && used == text.Length;
        }

        value = (int)wide;
        return true;
    }
}

internal sealed class SmallintDecoder : TrinoDecoder<short>
{
    public override short Read(ref Utf8JsonReader reader) => Scalar(ref reader, "smallint");

    protected override bool TryDecode(JsonTokenType token, ReadOnlySpan<byte> text, out short value)
    {
        value = 0;
        return token == JsonTokenType.Number && Utf8Parser.TryParse(text, out value, out var used) && used == text.Length;
    }
}

internal sealed class TinyintDecoder : TrinoDecoder<sbyte>
{
    public override sbyte Read(ref Utf8JsonReader reader) => Scalar(ref reader, "tinyint");

    protected override bool TryDecode(JsonTokenType token, ReadOnlySpan<byte> text, out sbyte value)
    {
        value = 0;
        return token == JsonTokenType.Number && Utf8Parser.TryParse(text, out value, out var used) && used == text.Length;
    }
}

internal sealed class DoubleDecoder : TrinoDecoder<double>
{
    public override double Read(ref Utf8JsonReader reader) => Scalar(ref reader, "double");

    protected override bool TryDecode(JsonTokenType token, ReadOnlySpan<byte> text, out double value) => Parse(token, text, out value);

    public static bool Parse(JsonTokenType token, ReadOnlySpan<byte> text, out double value)
    {
        if (token == JsonTokenType.Number)
        {
            return TrinoNumberText.TryDouble(text, out value) || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }

        // NaN and the infinities cannot be JSON numbers, so Trino sends them as strings.
        value = token != JsonTokenType.String ? 0
            : text.SequenceEqual("NaN"u8) ? double.NaN
            : text.SequenceEqual("Infinity"u8) ? double.PositiveInfinity
            : text.SequenceEqual("-Infinity"u8) ? double.NegativeInfinity
            : 0;
        return !double.IsFinite(value);
    }
}

internal sealed class RealDecoder : TrinoDecoder<float>
{
    public override float Read(ref Utf8JsonReader reader) => Scalar(ref reader, "real");

    protected override bool TryDecode(JsonTokenType token, ReadOnlySpan<byte> text, out float value)
    {
        var parsed = DoubleDecoder.Parse(token, text, out var wide);
        value = (float)wide;
        return parsed;
    }
}

internal sealed class DecimalDecoder : TrinoDecoder<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader) => Scalar(ref reader, "decimal");

    protected override bool TryDecode(JsonTokenType token, ReadOnlySpan<byte> text, out decimal value)
    {
        value = 0;
        return token is JsonTokenType.String or JsonTokenType.Number
            && (TrinoNumberText.TryDecimal(text, out value) || (Utf8Parser.TryParse(text, out value, out var used) && used == text.Length));
    }
}

internal sealed class BigDecimalDecoder : TrinoDecoder<TrinoBigDecimal>
{
    public override TrinoBigDecimal Read(ref Utf8JsonReader reader) => Scalar(ref reader, "decimal");

    protected override bool TryDecode(JsonTokenType token, ReadOnlySpan<byte> text, out TrinoBigDecimal value)
    {
        value = token is JsonTokenType.String or JsonTokenType.Number ? TrinoBigDecimal.Parse(Encoding.UTF8.GetString(text)) : default;
        return token is JsonTokenType.String or JsonTokenType.Number;
    }
}

internal sealed class BooleanDecoder : TrinoDecoder<bool>
{
    public override bool Read(ref Utf8JsonReader reader) => Scalar(ref reader, "boolean");

    protected override bool TryDecode(JsonTokenType token, ReadOnlySpan<byte> text, out bool value)
    {
        value = token == JsonTokenType.True;
        return token is JsonTokenType.True or JsonTokenType.False;
    }
}

/// <summary>varchar, char, json (as JSON text), and types Trino sends as text (geometry, ...).</summary>
internal sealed class StringDecoder : TrinoDecoder<string>
{
    // Throws on invalid UTF-8 like Utf8JsonReader.GetString, instead of silently substituting U+FFFD.
    internal static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public override string Read(ref Utf8JsonReader reader) => Scalar(ref reader, "varchar");

    // Non-string scalars (a number in a json column) keep their JSON text.
    protected override bool TryDecode(JsonTokenType token, ReadOnlySpan<byte> text, out string value)
    {
        value = Strict.GetString(text);
        return true;
    }

    public override object DecodeKey(string key) => key;
}

internal sealed class VarbinaryDecoder : TrinoDecoder<byte[]>
{
    public override byte[] Read(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String ? reader.GetBytesFromBase64() : throw Invalid(ref reader, "varbinary");
}

internal sealed class UuidDecoder : TrinoDecoder<Guid>
{
    public override Guid Read(ref Utf8JsonReader reader) => Scalar(ref reader, "uuid");

    protected override bool TryDecode(JsonTokenType token, ReadOnlySpan<byte> text, out Guid value)
    {
        value = default;
        return token == JsonTokenType.String && Utf8Parser.TryParse(text, out value, out var used, 'D') && used == text.Length;
    }
}

internal sealed class IpAddressDecoder : TrinoDecoder<IPAddress>
{
    public override IPAddress Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && IPAddress.TryParse(reader.GetString(), out var address) ? address : throw Invalid(ref reader, "ipaddress");
}

/// <summary>Types this client does not model (HyperLogLog, qdigest, ...): the raw text or base64 as Trino sent it.</summary>
internal sealed class RawDecoder : TrinoDecoder<string>
{
    public override string Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False)
        {
            return Scalar(ref reader, "value");
        }

        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.GetRawText();
    }

    protected override bool TryDecode(JsonTokenType token, ReadOnlySpan<byte> text, out string value)
    {
        value = StringDecoder.Strict.GetString(text);
        return true;
    }
}
