using System.Globalization;
using Dqe.Core.Engines.Trino;

namespace Dqe.Cli.Query;

/// <summary>Invariant text for engine values, shared by the TSV and JSON writers.</summary>
internal static class ValueText
{
    public static string Format(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        object?[] items => "[" + string.Join(", ", items.Select(i => i is null ? "NULL" : Format(i))) + "]",
        Dictionary<object, object?> map => "{" + string.Join(", ", map.Select(p => $"{Format(p.Key)}={(p.Value is null ? "NULL" : Format(p.Value))}")) + "}",
        TrinoRowValue row => "{" + string.Join(", ", row.Values.Select((v, i) => $"{row.Names[i] ?? $"field{i}"}={(v is null ? "NULL" : Format(v))}")) + "}",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
