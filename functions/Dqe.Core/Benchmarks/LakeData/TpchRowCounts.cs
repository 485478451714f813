using System.Globalization;

namespace Dqe.Core.Benchmarks.LakeData;

/// <summary>
/// Row counts the TPC-H specification fixes per scale factor (clause 4.2.5): seven of the eight tables have an exact
/// count, <c>base × SF</c> truncated as the generator computes it (partsupp is four rows per part); lineitem has none
/// (1 to 7 lines per order, drawn by the generator: about 6,000,000 × SF). Lets a re-run check an existing lake table
/// without having Trino generate the rows just to count them.
/// </summary>
internal static class TpchRowCounts
{
    /// <summary>How far lineitem may be from 6,000,000 × SF and still be taken as that scale's (tiny: 60,175, +0.3%).</summary>
    public const double LineitemTolerance = 0.01;

    private const long LineitemPerUnit = 6_000_000;

    private static readonly Dictionary<string, long> PerUnit = new(StringComparer.Ordinal)
    {
        ["customer"] = 150_000, ["orders"] = 1_500_000, ["part"] = 200_000, ["supplier"] = 10_000,
    };

    /// <summary>Rows of <paramref name="table"/> (customer, orders, part, supplier) per unit of scale factor.</summary>
    public static long PerScaleFactor(string table) => PerUnit[table];

    /// <summary>The Trino tpch schema's scale factor: <c>tiny</c> = 0.01, <c>sfN</c> = N.</summary>
    public static double ScaleFactor(string scale) => scale == "tiny"
        ? 0.01
        : double.Parse(scale.AsSpan(2), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    /// <summary>The exact count the specification gives <paramref name="table"/> at <paramref name="scale"/>; null for lineitem.</summary>
    public static long? Exact(string table, string scale) => table switch
    {
        "nation" => 25,
        "region" => 5,
        "partsupp" => 4 * Scaled(PerUnit["part"], scale),
        "lineitem" => null,
        _ => PerUnit.TryGetValue(table, out var perUnit) ? Scaled(perUnit, scale) : throw new ArgumentException($"not a TPC-H table: '{table}'", nameof(table)),
    };

    /// <summary>True when <paramref name="rows"/> is a plausible lineitem count at <paramref name="scale"/> (within <see cref="LineitemTolerance"/>).</summary>
    public static bool PlausibleLineitem(long rows, string scale)
    {
        var expected = LineitemPerUnit * ScaleFactor(scale);
        return Math.Abs(rows - expected) <= expected * LineitemTolerance;
    }

    // The generator truncates base × SF (a double) to an integer; the same IEEE product here gives the same count.
    private static long Scaled(long perUnit, string scale) => (long)(perUnit * ScaleFactor(scale));
}
