using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Dqe.Core.Engines.Trino;

/// <summary>Decodes one Trino type from its JSON encoding in <c>data</c>, into a typed column or a boxed nested value.</summary>
internal abstract class TrinoDecoder
{
    public abstract Type ClrType { get; }

    public abstract ColumnVector CreateVector(int capacity);

    /// <summary>Appends the value at the reader's current token (already read) to <paramref name="vector"/>.</summary>
    public abstract void Append(ref Utf8JsonReader reader, ColumnVector vector);

    /// <summary>
    /// The page scanner's fast path: appends a scalar token given as its bytes (a string's content without quotes and
    /// escapes, a number's text already checked against the JSON grammar, <c>true</c>/<c>false</c>). False when this
    /// type does not decode that token this way; the scanner then hands the value to <see cref="Append"/>, which
    /// decodes it or throws the type's error.
    /// </summary>
    public abstract bool TryAppend(JsonTokenType token, ReadOnlySpan<byte> text, ColumnVector vector);

    /// <summary>Reads the value at the current token boxed, for array elements, map values and row fields.</summary>
    public abstract object? ReadBoxed(ref Utf8JsonReader reader);

    /// <summary>Decodes a map key: JSON object keys are always strings, whatever the key type.</summary>
    public abstract object DecodeKey(string key);
}

/// <summary>Base for decoders of one CLR type: handles nulls, typed storage and both decoding paths once.</summary>
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
            // The vector came from CreateVector above: skip the (shared-generic, slow) cast check on the hot path.
            Unsafe.As<TypedColumnVector<T>>(vector).Append(Read(ref reader));
        }
    }

    public override bool TryAppend(JsonTokenType token, ReadOnlySpan<byte> text, ColumnVector vector)
    {
        if (!TryDecode(token, text, out var value))
        {
            return false;
        }

        Unsafe.As<TypedColumnVector<T>>(vector).Append(value);
        return true;
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

    /// <summary>Decodes the (non-null) value at the reader's current token.</summary>
    public abstract T Read(ref Utf8JsonReader reader);

    /// <summary>Scalar types decode here, for both paths; nested and unmodelled types keep the default (false).</summary>
    protected virtual bool TryDecode(JsonTokenType token, ReadOnlySpan<byte> text, out T value)
    {
        value = default!;
        return false;
    }

    /// <summary><see cref="Read"/> for scalar types: the token's text through <see cref="TryDecode"/>, or the type's error.</summary>
    protected T Scalar(ref Utf8JsonReader reader, string type) =>
        reader.TokenType is JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False
        && TryDecode(reader.TokenType, Text(ref reader), out var value)
            ? value
            : throw Invalid(ref reader, type);

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
