using System.Text.Json;
using static Dqe.Core.Engines.Trino.TrinoJsonScan;

namespace Dqe.Core.Engines.Trino;

/// <summary>
/// Decodes the <c>data</c> array of a page straight from its bytes into typed column vectors. Scalars are found
/// and decoded in one step (a string's end by a vectorised search, a number by its grammar), so a value costs its
/// decoding plus a few byte tests, with no per-token reader state. Escaped strings and nested values (array, map,
/// row) go through <see cref="Utf8JsonReader"/>, as does anything malformed (which it rejects).
/// </summary>
internal static class TrinoRowScanner
{
    // Batches stay below the large-object-heap threshold (85 KB per array even for 16-byte decimals), so
    // streaming only ever allocates short-lived gen0 arrays and never triggers gen2 collections.
    private const int MaxBatchRows = 4096;

    /// <param name="json">The whole page.</param>
    /// <param name="pos">On the <c>[</c> of <c>data</c>; moved past its <c>]</c>.</param>
    /// <param name="decoders">One per column.</param>
    public static List<RowBatch> Scan(ReadOnlySpan<byte> json, ref int pos, TrinoDecoder[] decoders)
    {
        // Rough rows-per-page guess (~12 bytes per value) so the vectors rarely need to grow.
        var capacity = Math.Clamp((json.Length - pos) / (4 + (12 * Math.Max(1, decoders.Length))), 16, MaxBatchRows);
        var batches = new List<RowBatch>();
        var i = SkipWhitespace(json, pos + 1);
        if (At(json, i) == ']')
        {
            pos = i + 1;
            return batches;
        }

        var batch = NewBatch(decoders, capacity);
        var rows = 0;
        while (true)
        {
            if (rows == MaxBatchRows)
            {
                batches.Add(batch);
                batch = NewBatch(decoders, capacity);
                rows = 0;
            }

            i = Row(json, i, decoders, batch);
            rows++;
            i = SkipWhitespace(json, i);
            if (At(json, i) == ']')
            {
                break;
            }

            if (At(json, i) != ',')
            {
                throw Unexpected(json, i, "',' or ']' after a row");
            }

            i = SkipWhitespace(json, i + 1);
        }

        batches.Add(batch);
        pos = i + 1;
        return batches;
    }

    /// <summary>One row <c>[v1,v2,...]</c> at <paramref name="i"/>; returns the index after its <c>]</c>.</summary>
    private static int Row(ReadOnlySpan<byte> json, int i, TrinoDecoder[] decoders, RowBatch batch)
    {
        if (At(json, i) != '[')
        {
            throw Unexpected(json, i, "a row (JSON array)");
        }

        var vectors = batch.Columns;
        i = SkipWhitespace(json, i + 1);
        for (var column = 0; column < decoders.Length; column++)
        {
            if (column > 0)
            {
                // Trino writes compact JSON: the separator usually follows the value directly.
                if (At(json, i) != ',')
                {
                    i = SkipWhitespace(json, i);
                    if (At(json, i) != ',')
                    {
                        throw At(json, i) == ']'
                            ? new JsonException($"A Trino row has {column} values but there are {decoders.Length} columns.")
                            : Unexpected(json, i, "',' between values");
                    }
                }

                i = SkipWhitespace(json, i + 1);
            }
            else if (At(json, i) == ']')
            {
                throw new JsonException($"A Trino row has 0 values but there are {decoders.Length} columns.");
            }

            i = Value(json, i, decoders[column], vectors[column]);
        }

        i = SkipWhitespace(json, i);
        if (At(json, i) != ']')
        {
            throw At(json, i) == ','
                ? new JsonException($"A Trino row has more values than the {decoders.Length} columns.")
                : Unexpected(json, i, "']' after the row's values");
        }

        if (decoders.Length == 0)
        {
            batch.AddZeroColumnRow();
        }

        return i + 1;
    }

    private static int Value(ReadOnlySpan<byte> json, int i, TrinoDecoder decoder, ColumnVector vector)
    {
        switch (json[i])
        {
            case (byte)'"':
                var length = PlainStringLength(json, i);
                if (length >= 0 && decoder.TryAppend(JsonTokenType.String, json.Slice(i + 1, length), vector))
                {
                    return i + length + 2;
                }

                break;
            case (byte)'n' when json[i..].StartsWith("null"u8):
                vector.AppendNull();
                return i + 4;
            case (byte)'t' when json[i..].StartsWith("true"u8) && decoder.TryAppend(JsonTokenType.True, "true"u8, vector):
                return i + 4;
            case (byte)'f' when json[i..].StartsWith("false"u8) && decoder.TryAppend(JsonTokenType.False, "false"u8, vector):
                return i + 5;
            case (byte)'-' or (>= (byte)'0' and <= (byte)'9'):
                var number = NumberLength(json, i);
                if (number > 0 && decoder.TryAppend(JsonTokenType.Number, json.Slice(i, number), vector))
                {
                    return i + number;
                }

                break;
        }

        // Escapes, nested values, tokens this type does not take (its error), malformed JSON (the reader's error).
        var reader = Reader(json, i);
        decoder.Append(ref reader, vector);
        return i + (int)reader.BytesConsumed;
    }

    private static RowBatch NewBatch(TrinoDecoder[] decoders, int capacity)
    {
        var vectors = new ColumnVector[decoders.Length];
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] = decoders[i].CreateVector(capacity);
        }

        return new RowBatch(vectors);
    }
}
