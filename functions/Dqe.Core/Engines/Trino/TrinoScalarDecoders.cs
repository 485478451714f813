using System.Buffers.Text;
using System.Net;
using System.Text.Json;

namespace Dqe.Core.Engines.Trino;

internal sealed class BigintDecoder : TrinoDecoder<long>
{
    public override long Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && !reader.HasValueSequence && TrinoNumberText.TryInt64(reader.ValueSpan, out var fast) ? fast
        : reader.TokenType == JsonTokenType.Number ? reader.GetInt64()
        : reader.TokenType == JsonTokenType.String && Utf8Parser.TryParse(reader.ValueSpan, out long value, out var used) && used == reader.ValueSpan.Length ? value
        : throw Invalid(ref reader, "bigint");
}

internal sealed class IntegerDecoder : TrinoDecoder<int>
{
    public override int Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && !reader.HasValueSequence && TrinoNumberText.TryInt64(reader.ValueSpan, out var fast) && fast is >= int.MinValue and <= int.MaxValue ? (int)fast
        : reader.TokenType == JsonTokenType.Number ? reader.GetInt32() : throw Invalid(ref reader, "integer");
}

internal sealed class SmallintDecoder : TrinoDecoder<short>
{
    public override short Read(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Number ? reader.GetInt16() : throw Invalid(ref reader, "smallint");
}

internal sealed class TinyintDecoder : TrinoDecoder<sbyte>
{
    public override sbyte Read(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Number ? reader.GetSByte() : throw Invalid(ref reader, "tinyint");
}

internal sealed class DoubleDecoder : TrinoDecoder<double>
{
    public override double Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return !reader.HasValueSequence && TrinoNumberText.TryDouble(reader.ValueSpan, out var fast) ? fast : reader.GetDouble();
        }

        // NaN and the infinities cannot be JSON numbers, so Trino sends them as strings.
        return reader.ValueTextEquals("NaN"u8) ? double.NaN
            : reader.ValueTextEquals("Infinity"u8) ? double.PositiveInfinity
            : reader.ValueTextEquals("-Infinity"u8) ? double.NegativeInfinity
            : throw Invalid(ref reader, "double");
    }
}

internal sealed class RealDecoder : TrinoDecoder<float>
{
    private static readonly DoubleDecoder Double = new();

    public override float Read(ref Utf8JsonReader reader) => (float)Double.Read(ref reader);
}

internal sealed class DecimalDecoder : TrinoDecoder<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader)
    {
        var text = Text(ref reader);
        return reader.TokenType is JsonTokenType.String or JsonTokenType.Number
            && Utf8Parser.TryParse(text, out decimal value, out var used) && used == text.Length
            ? value
            : throw Invalid(ref reader, "decimal");
    }
}

internal sealed class BigDecimalDecoder : TrinoDecoder<TrinoBigDecimal>
{
    public override TrinoBigDecimal Read(ref Utf8JsonReader reader) => TrinoBigDecimal.Parse(reader.GetString() ?? throw Invalid(ref reader, "decimal"));
}

internal sealed class BooleanDecoder : TrinoDecoder<bool>
{
    public override bool Read(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Invalid(ref reader, "boolean"),
    };
}

/// <summary>varchar, char, json (as JSON text), and types Trino sends as text (geometry, ...).</summary>
internal sealed class StringDecoder : TrinoDecoder<string>
{
    public override string Read(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String
        ? reader.GetString()!
        : System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);

    public override object DecodeKey(string key) => key;
}

internal sealed class VarbinaryDecoder : TrinoDecoder<byte[]>
{
    public override byte[] Read(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String ? reader.GetBytesFromBase64() : throw Invalid(ref reader, "varbinary");
}

internal sealed class UuidDecoder : TrinoDecoder<Guid>
{
    public override Guid Read(ref Utf8JsonReader reader) =>
        Utf8Parser.TryParse(Text(ref reader), out Guid value, out var used, 'D') && used == 36 ? value : throw Invalid(ref reader, "uuid");
}

internal sealed class IpAddressDecoder : TrinoDecoder<IPAddress>
{
    public override IPAddress Read(ref Utf8JsonReader reader) =>
        IPAddress.TryParse(reader.GetString(), out var address) ? address : throw Invalid(ref reader, "ipaddress");
}

/// <summary>Types this client does not model (HyperLogLog, qdigest, ...): the raw text or base64 as Trino sent it.</summary>
internal sealed class RawDecoder : TrinoDecoder<string>
{
    public override string Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString()!;
        }

        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.GetRawText();
    }
}
