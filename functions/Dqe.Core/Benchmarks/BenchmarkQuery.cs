namespace Dqe.Core.Benchmarks;

/// <summary>
/// One benchmark query file: <c>benchmarks/queries/&lt;engine&gt;/&lt;suite&gt;/&lt;id&gt;.sql</c> with a header of
/// <c>-- id:</c>, <c>-- min-version:</c> and <c>-- expected-rows: scale=N ...</c> (<c>*</c> = every scale).
/// </summary>
public sealed record BenchmarkQuery(
    string Engine,
    string Suite,
    string Id,
    string MinVersion,
    IReadOnlyDictionary<string, long> ExpectedRows,
    string Sql)
{
    /// <summary>The row count a correct answer has at <paramref name="scale"/>, or null when it is not stable there.</summary>
    public long? ExpectedRowsAt(string scale) =>
        ExpectedRows.TryGetValue(scale, out var rows) ? rows
        : ExpectedRows.TryGetValue("*", out var any) ? any
        : null;
}
