using System.Text.Json;

namespace Dqe.Core.Engines.Trino;

/// <summary>
/// Parses a QueryResults document with <see cref="Utf8JsonReader"/>: <c>data</c> rows go straight into typed
/// column vectors; the small parts use source-generated deserializers.
/// </summary>
internal static class TrinoPageParser
{
    /// <param name="utf8">The whole page.</param>
    /// <param name="decoders">Decoders of the columns known from earlier pages, or null; returns them if this page defined the columns.</param>
    public static TrinoPage Parse(ReadOnlySpan<byte> utf8, ref TrinoDecoder[]? decoders)
    {
        var page = new TrinoPage();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 256 });
        var dataStart = -1;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A Trino QueryResults page must be a JSON object.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray && decoders is not null)
                {
                    // The usual order (columns before data): decode rows in this single pass.
                    page.Data = ParseRows(ref reader, decoders, utf8.Length);
                }
                else if (reader.TokenType == JsonTokenType.StartArray)
                {
                    // Columns may follow data in the document; parse rows once the decoders are known.
                    dataStart = (int)reader.TokenStartIndex;
                    reader.Skip();
                }
                else
                {
                    reader.Skip();
                }

                continue;
            }

            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "id": page.Id = reader.GetString(); break;
                case "nextUri": page.NextUri = reader.GetString(); break;
                case "partialCancelUri": page.PartialCancelUri = reader.GetString(); break;
                case "columns":
                    page.Columns = JsonSerializer.Deserialize(ref reader, TrinoJsonContext.Default.ListTrinoColumnJson);
                    decoders ??= page.Columns is { } columns ? [.. columns.Select(c => TrinoDecoders.For(c.Type))] : null;
                    break;
                case "stats": page.Stats = JsonSerializer.Deserialize(ref reader, TrinoJsonContext.Default.TrinoStatsJson); break;
                case "error": page.Error = JsonSerializer.Deserialize(ref reader, TrinoJsonContext.Default.TrinoErrorJson); break;
                case "warnings": page.Warnings = JsonSerializer.Deserialize(ref reader, TrinoJsonContext.Default.ListTrinoWarningJson); break;
                case "updateType": page.UpdateType = reader.GetString(); break;
                case "updateCount": page.UpdateCount = reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : null; break;
                default: reader.Skip(); break;
            }
        }

        if (dataStart >= 0)
        {
            var rows = new Utf8JsonReader(utf8[dataStart..], new JsonReaderOptions { MaxDepth = 256 });
            rows.Read();
            page.Data = ParseRows(ref rows, decoders ?? throw new JsonException("Trino sent data before any columns."), utf8.Length - dataStart);
        }

        return page;
    }

    /// <param name="reader">Positioned on the StartArray of <c>data</c>; left on its EndArray.</param>
    private static RowBatch ParseRows(ref Utf8JsonReader reader, TrinoDecoder[] decoders, int bytes)
    {
        // Rough rows-per-page guess (~12 bytes per value) so the vectors rarely need to grow.
        var capacity = Math.Max(16, bytes / (4 + (12 * Math.Max(1, decoders.Length))));
        var vectors = new ColumnVector[decoders.Length];
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] = decoders[i].CreateVector(capacity);
        }

        var batch = new RowBatch(vectors);
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            for (var i = 0; i < decoders.Length; i++)
            {
                if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
                {
                    throw new JsonException($"A Trino row has {i} values but there are {decoders.Length} columns.");
                }

                decoders[i].Append(ref reader, vectors[i]);
            }

            if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
            {
                throw new JsonException($"A Trino row has more values than the {decoders.Length} columns.");
            }

            if (decoders.Length == 0)
            {
                batch.AddZeroColumnRow();
            }
        }

        return batch;
    }
}
