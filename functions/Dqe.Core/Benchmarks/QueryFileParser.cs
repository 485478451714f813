using System.Globalization;

namespace Dqe.Core.Benchmarks;

/// <summary>Parses the comment header of a query file; every error names the file and the header field.</summary>
internal static class QueryFileParser
{
    public static BenchmarkQuery Parse(string engine, string suite, string fileName, string text)
    {
        string? id = null;
        string? minVersion = null;
        var expected = new Dictionary<string, long>(StringComparer.Ordinal);
        var body = new List<string>();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (body.Count == 0 && line.StartsWith("--", StringComparison.Ordinal))
            {
                var (key, value) = Field(line);
                switch (key)
                {
                    case "id": id = value; break;
                    case "min-version": minVersion = value; break;
                    case "expected-rows": ParseExpected(fileName, value, expected); break;
                    default: break; // Other comments document the query.
                }

                continue;
            }

            if (body.Count > 0 || !string.IsNullOrWhiteSpace(line))
            {
                body.Add(line);
            }
        }

        var sql = string.Join('\n', body).Trim().TrimEnd(';').TrimEnd();
        var expectedId = Path.GetFileNameWithoutExtension(fileName);
        if (id is null || id != expectedId)
        {
            throw new BenchmarkException($"{fileName}: header 'id' must be present and equal the file name ('{expectedId}'), got '{id}'.");
        }

        if (minVersion is null || !ServerVersion.TryParse(minVersion, out _))
        {
            throw new BenchmarkException($"{fileName}: header 'min-version' must be a dotted version like 18.16 or 435, got '{minVersion}'.");
        }

        return sql.Length == 0
            ? throw new BenchmarkException($"{fileName}: no SQL after the header.")
            : new BenchmarkQuery(engine, suite, id, minVersion, expected, sql);
    }

    private static (string Key, string Value) Field(string line)
    {
        var content = line[2..].Trim();
        var colon = content.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? ("", content) : (content[..colon].Trim(), content[(colon + 1)..].Trim());
    }

    private static void ParseExpected(string fileName, string value, Dictionary<string, long> expected)
    {
        foreach (var pair in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            if (parts.Length != 2 || parts[0].Length == 0
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rows))
            {
                throw new BenchmarkException($"{fileName}: header 'expected-rows' entries are scale=count (e.g. sf1=4 *=1), got '{pair}'.");
            }

            expected[parts[0]] = rows;
        }
    }
}
