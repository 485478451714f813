using System.Text.Json;

namespace Dqe.Core.Engines.Trino;

/// <summary>Decodes one Trino type from its JSON encoding in <c>data</c>, into a typed column or a boxed nested value.</summary>
internal abstract class TrinoDecoder
{
    public abstract Type ClrType { get; }

    public abstract ColumnVector CreateVector(int capacity);

    /// <summary>Appends the value at the reader's current token (already read) to <paramref name="vector"/>.</summary>
    public abstract void Append(ref Utf8JsonReader reader, ColumnVector vector);

    /// <summary>Reads the value at the current token boxed, for array elements, map values and row fields.</summary>
    public abstract object? ReadBoxed(ref Utf8JsonReader reader);

    /// <summary>Decodes a map key: JSON object keys are always strings, whatever the key type.</summary>
    public abstract object DecodeKey(string key);
}

/// <summary>Base for decoders of one CLR type: handles nulls and typed storage once.</summary>
internal abstract class TrinoDecoder<T> : TrinoDecoder
    where T : notnull
{
    public override Type ClrType => typeof(T);

    public override ColumnVector CreateVector(int capacity) => new TypedColumnVector<T>(capacity);

    public override void Append(ref Utf8JsonReader reader, ColumnVector vector)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            vector.AppendNull();
        }
        else
        {
            ((TypedColumnVector<T>)vector).Append(Read(ref reader));
        }
    }

    public override object? ReadBoxed(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : Read(ref reader);

    public override object DecodeKey(string key)
    {
        // Scalar keys: numbers and booleans are valid JSON as-is; everything else is a JSON string.
        var json = key.Length > 0 && (char.IsAsciiDigit(key[0]) || key[0] == '-' || key is "true" or "false")
            ? key
            : JsonSerializer.Serialize(key, TrinoJsonContext.Default.String);
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        reader.Read();
        return Read(ref reader);
    }

    public abstract T Read(ref Utf8JsonReader reader);

    /// <summary>The string token's UTF-8 bytes with JSON escapes resolved (Trino never escapes these, other writers may).</summary>
    protected static ReadOnlySpan<byte> Text(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return reader.ValueSpan;
        }

        var buffer = new byte[reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length];
        return buffer.AsSpan(0, reader.CopyString(buffer));
    }

    protected static FormatException Invalid(ref Utf8JsonReader reader, string type) =>
        new($"Cannot decode {reader.TokenType} '{(reader.TokenType == JsonTokenType.String ? reader.GetString() : System.Text.Encoding.UTF8.GetString(reader.ValueSpan))}' as Trino {type}.");
}
