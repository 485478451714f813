using System.Buffers;
using System.Text;
using System.Text.Json;
using Dqe.Core.Engines;
using Dqe.Core.Engines.Trino;

namespace Dqe.Cli.Query;

/// <summary>
/// Prints a result. TSV: header line of column names, then one line per row; NULL is <c>\N</c> and tab, newline,
/// backslash inside values are escaped as <c>\t \n \\</c>. JSON: one object per row, typed where JSON can be.
/// </summary>
internal sealed class RowWriter(TextWriter output, RowFormat format)
{
    private readonly ArrayBufferWriter<byte> _json = new();

    public async Task<long> WriteAsync(QueryResult result, CancellationToken cancellationToken)
    {
        var names = result.Columns.Select(c => c.Name).ToArray();
        if (format == RowFormat.Tsv && names.Length > 0)
        {
            await output.WriteLineAsync(string.Join('\t', names.Select(Escape))).ConfigureAwait(false);
        }

        long rows = 0;
        var line = new StringBuilder();
        await foreach (var row in result.ReadRowsAsync(cancellationToken).ConfigureAwait(false))
        {
            line.Clear();
            if (format == RowFormat.Tsv)
            {
                for (var i = 0; i < row.FieldCount; i++)
                {
                    line.Append(i == 0 ? "" : "\t").Append(row.GetValue(i) is { } value ? Escape(ValueText.Format(value)) : "\\N");
                }
            }
            else
            {
                line.Append(Json(names, row));
            }

            await output.WriteLineAsync(line, cancellationToken).ConfigureAwait(false);
            rows++;
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }

    private string Json(string[] names, Row row)
    {
        _json.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_json))
        {
            writer.WriteStartObject();
            for (var i = 0; i < names.Length; i++)
            {
                writer.WritePropertyName(names[i]);
                WriteValue(writer, row.GetValue(i));
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(_json.WrittenSpan);
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case double d when double.IsFinite(d): writer.WriteNumberValue(d); break;
            case float f when float.IsFinite(f): writer.WriteNumberValue(f); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case long or int or short or sbyte or byte or ushort or uint or ulong:
                writer.WriteRawValue(ValueText.Format(value)); break;
            case object?[] items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case Dictionary<object, object?> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(ValueText.Format(key));
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            case TrinoRowValue row:
                writer.WriteStartObject();
                for (var i = 0; i < row.Values.Count; i++)
                {
                    writer.WritePropertyName(row.Names[i] ?? $"field{i}");
                    WriteValue(writer, row.Values[i]);
                }

                writer.WriteEndObject();
                break;
            default: writer.WriteStringValue(ValueText.Format(value)); break;
        }
    }

    private static string Escape(string text) =>
        text.AsSpan().IndexOfAny('\t', '\n', '\\') < 0 && !text.Contains('\r', StringComparison.Ordinal)
            ? text
            : text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
                .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
}
