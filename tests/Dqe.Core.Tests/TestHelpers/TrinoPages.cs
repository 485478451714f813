using System.Globalization;
using System.Text;
using System.Text.Json;
using Dqe.Core.Engines.Trino;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>Parses Trino pages both ways (the page scanner and a plain Utf8JsonReader walk) into comparable text.</summary>
internal static class TrinoPages
{
    /// <summary>Every row through <see cref="TrinoPageParser"/>, values boxed and written canonically.</summary>
    public static List<string> Scanned(string page)
    {
        TrinoDecoder[]? decoders = null;
        var parsed = TrinoPageParser.Parse(Encoding.UTF8.GetBytes(page), ref decoders);
        var rows = new List<string>();
        foreach (var batch in parsed.Data ?? [])
        {
            for (var r = 0; r < batch.Count; r++)
            {
                rows.Add(string.Join(" | ", batch.Columns.Select(c => Canonical(c.GetBoxed(r)))));
            }
        }

        return rows;
    }

    /// <summary>Every row decoded value by value with <see cref="Utf8JsonReader"/> and the decoders' reader path.</summary>
    public static List<string> ReaderDecoded(string page)
    {
        var root = JsonDocument.Parse(page).RootElement;
        var decoders = root.GetProperty("columns").EnumerateArray().Select(c => TrinoDecoders.For(c.GetProperty("type").GetString()!)).ToArray();
        var rows = new List<string>();
        foreach (var row in root.GetProperty("data").EnumerateArray())
        {
            rows.Add(string.Join(" | ", row.EnumerateArray().Select((value, i) =>
            {
                var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(value.GetRawText()));
                reader.Read();
                return Canonical(decoders[i].ReadBoxed(ref reader));
            })));
        }

        return rows;
    }

    public static string Canonical(object? value) => value switch
    {
        null => "NULL",
        double d => "Double:" + d.ToString("R", CultureInfo.InvariantCulture),
        float f => "Single:" + f.ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToHexString(bytes),
        object?[] items => "[" + string.Join(",", items.Select(Canonical)) + "]",
        Dictionary<object, object?> map => "{" + string.Join(",", map.Select(e => $"{Canonical(e.Key)}:{Canonical(e.Value)}").Order(StringComparer.Ordinal)) + "}",
        TrinoRowValue row => "(" + string.Join(",", row.Names.Zip(row.Values, (n, v) => $"{n}={Canonical(v)}")) + ")",
        IFormattable formattable => $"{value.GetType().Name}:{formattable.ToString(null, CultureInfo.InvariantCulture)}",
        _ => $"{value.GetType().Name}:{value}",
    };
}
