using System.Text.Json;

namespace Dqe.Core.Engines.Trino;

/// <summary><c>array(T)</c> → <c>object?[]</c> of decoded elements.</summary>
internal sealed class ArrayDecoder(TrinoDecoder element) : TrinoDecoder<object?[]>
{
    public override object?[] Read(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray, "array");
        var items = new List<object?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(element.ReadBoxed(ref reader));
        }

        return [.. items];
    }

    internal static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string type)
    {
        if (reader.TokenType != token)
        {
            throw new FormatException($"Cannot decode {reader.TokenType} as Trino {type}.");
        }
    }
}

/// <summary><c>map(K, V)</c> → dictionary; keys decoded from JSON property names by the key type.</summary>
internal sealed class MapDecoder(TrinoDecoder key, TrinoDecoder value) : TrinoDecoder<Dictionary<object, object?>>
{
    public override Dictionary<object, object?> Read(ref Utf8JsonReader reader)
    {
        ArrayDecoder.Expect(ref reader, JsonTokenType.StartObject, "map");
        var map = new Dictionary<object, object?>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var k = key.DecodeKey(reader.GetString()!);
            reader.Read();
            map[k] = value.ReadBoxed(ref reader);
        }

        return map;
    }
}

/// <summary><c>row(a T, b U)</c> → <see cref="TrinoRowValue"/>; Trino sends rows as JSON arrays in field order.</summary>
internal sealed class RowDecoder(IReadOnlyList<string?> names, TrinoDecoder[] fields) : TrinoDecoder<TrinoRowValue>
{
    public override TrinoRowValue Read(ref Utf8JsonReader reader)
    {
        var values = new object?[fields.Length];
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            // Older servers encoded rows as objects keyed by field name.
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                var index = IndexOf(name);
                values[index] = fields[index].ReadBoxed(ref reader);
            }

            return new TrinoRowValue(names, values);
        }

        ArrayDecoder.Expect(ref reader, JsonTokenType.StartArray, "row");
        for (var i = 0; i < fields.Length; i++)
        {
            reader.Read();
            values[i] = fields[i].ReadBoxed(ref reader);
        }

        reader.Read();
        ArrayDecoder.Expect(ref reader, JsonTokenType.EndArray, "row (field count)");
        return new TrinoRowValue(names, values);
    }

    private int IndexOf(string? name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new FormatException($"Row value has unknown field '{name}'.");
    }
}
