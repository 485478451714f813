using System.Reflection;

namespace Dqe.Core.Benchmarks;

/// <summary>
/// The benchmark query files embedded in this assembly (see Dqe.Core.csproj), by engine and suite.
/// Also serves the ClickHouse setup SQL (<c>benchmarks/clickhouse/*.sql</c>).
/// </summary>
public sealed class QueryCatalog
{
    private const string QueryPrefix = "benchmarks/queries/";
    private readonly Dictionary<(string Engine, string Suite), List<BenchmarkQuery>> _suites;

    private QueryCatalog(Dictionary<(string Engine, string Suite), List<BenchmarkQuery>> suites) => _suites = suites;

    public static QueryCatalog Embedded { get; } = LoadEmbedded();

    public IEnumerable<(string Engine, string Suite)> Suites => _suites.Keys.Order();

    /// <summary>The suite's queries in id order, or only <paramref name="ids"/> (in the order given).</summary>
    public IReadOnlyList<BenchmarkQuery> Resolve(string engine, string suite, IReadOnlyList<string>? ids = null)
    {
        if (!_suites.TryGetValue((engine, suite), out var queries))
        {
            var known = string.Join(", ", Suites.Select(s => $"{s.Engine}/{s.Suite}"));
            throw new BenchmarkException($"suite: no suite '{suite}' for engine '{engine}' (known: {known}).");
        }

        if (ids is null || ids.Count == 0)
        {
            return queries;
        }

        var unknown = ids.Where(id => queries.All(q => q.Id != id)).ToList();
        return unknown.Count > 0
            ? throw new BenchmarkException($"queries: unknown query id(s) {string.Join(", ", unknown)} in {engine}/{suite} (known: {queries[0].Id}..{queries[^1].Id}).")
            : [.. ids.Select(id => queries.First(q => q.Id == id))];
    }

    /// <summary>An embedded setup script such as <c>clickhouse/clickbench/hits.ddl.sql</c>.</summary>
    public static string Script(string relativePath)
    {
        using var stream = typeof(QueryCatalog).Assembly.GetManifestResourceStream("benchmarks/" + relativePath)
            ?? throw new BenchmarkException($"script: no embedded benchmarks/{relativePath}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal static QueryCatalog FromFiles(IEnumerable<(string Path, string Text)> files)
    {
        var suites = new Dictionary<(string, string), List<BenchmarkQuery>>();
        foreach (var (path, text) in files)
        {
            var parts = path.Split('/');
            if (parts.Length != 3)
            {
                throw new BenchmarkException($"{path}: query files live at <engine>/<suite>/<id>.sql.");
            }

            var key = (parts[0], parts[1]);
            if (!suites.TryGetValue(key, out var list))
            {
                suites[key] = list = [];
            }

            list.Add(QueryFileParser.Parse(parts[0], parts[1], path, text));
        }

        foreach (var list in suites.Values)
        {
            list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        }

        return new QueryCatalog(suites);
    }

    private static QueryCatalog LoadEmbedded()
    {
        var assembly = typeof(QueryCatalog).Assembly;
        return FromFiles(assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(QueryPrefix, StringComparison.Ordinal))
            .Select(n => (n[QueryPrefix.Length..], Read(assembly, n))));
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
