using System.Text.Json;
using static Dqe.Core.Engines.Trino.TrinoJsonScan;

namespace Dqe.Core.Engines.Trino;

/// <summary>
/// Parses a QueryResults document in one pass over its bytes: the top level and the <c>data</c> rows are scanned
/// directly (rows go straight into typed column vectors, see <see cref="TrinoRowScanner"/>); the small parts use
/// <see cref="Utf8JsonReader"/> and source-generated deserializers.
/// </summary>
internal static class TrinoPageParser
{
    /// <param name="utf8">The whole page.</param>
    /// <param name="decoders">Decoders of the columns known from earlier pages, or null; returns them if this page defined the columns.</param>
    /// <param name="readAhead">
    /// Called once with <c>nextUri</c> and the decoders in force, before the rows are decoded (or at the end if the
    /// page puts <c>nextUri</c> after its rows), so the next page can be requested and decoded meanwhile.
    /// </param>
    public static TrinoPage Parse(ReadOnlySpan<byte> utf8, ref TrinoDecoder[]? decoders, Action<string, TrinoDecoder[]?>? readAhead = null)
    {
        var page = new TrinoPage();
        var pos = SkipWhitespace(utf8, 0);
        if (At(utf8, pos) != '{')
        {
            throw new JsonException("A Trino QueryResults page must be a JSON object.");
        }

        var dataStart = -1;
        pos = SkipWhitespace(utf8, pos + 1);
        while (At(utf8, pos) != '}')
        {
            var name = Name(utf8, ref pos);
            pos = SkipWhitespace(utf8, pos);
            if (At(utf8, pos) != ':')
            {
                throw Unexpected(utf8, pos, "':'");
            }

            pos = SkipWhitespace(utf8, pos + 1);
            if (name == "data" && At(utf8, pos) == '[' && decoders is not null)
            {
                // The usual order (columns before data): decode rows in this single pass.
                ReadAhead(page, decoders, ref readAhead);
                page.Data = TrinoRowScanner.Scan(utf8, ref pos, decoders);
            }
            else if (name == "data" && At(utf8, pos) == '[')
            {
                // Columns may follow data in the document; parse rows once the decoders are known.
                dataStart = pos;
                pos = SkipValue(utf8, pos);
            }
            else
            {
                pos = Property(utf8, pos, name, page, ref decoders);
            }

            pos = SkipWhitespace(utf8, pos);
            if (At(utf8, pos) == ',')
            {
                pos = SkipWhitespace(utf8, pos + 1);
            }
            else if (At(utf8, pos) != '}')
            {
                throw Unexpected(utf8, pos, "',' or '}'");
            }
        }

        if (dataStart >= 0)
        {
            page.Data = TrinoRowScanner.Scan(utf8, ref dataStart, decoders ?? throw new JsonException("Trino sent data before any columns."));
        }

        ReadAhead(page, decoders, ref readAhead);
        return page;
    }

    private static void ReadAhead(TrinoPage page, TrinoDecoder[]? decoders, ref Action<string, TrinoDecoder[]?>? readAhead)
    {
        if (page.NextUri is { } next && readAhead is { } call)
        {
            readAhead = null;
            call(next, decoders);
        }
    }

    /// <summary>Reads one top-level property value (not <c>data</c>) into the page; returns the index after it.</summary>
    private static int Property(ReadOnlySpan<byte> utf8, int pos, string name, TrinoPage page, ref TrinoDecoder[]? decoders)
    {
        var reader = Reader(utf8, pos);
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

        return pos + (int)reader.BytesConsumed;
    }

    private static string Name(ReadOnlySpan<byte> utf8, ref int pos)
    {
        if (At(utf8, pos) != '"')
        {
            throw Unexpected(utf8, pos, "a property name");
        }

        var reader = Reader(utf8, pos);
        pos += (int)reader.BytesConsumed;
        return reader.GetString()!;
    }
}
