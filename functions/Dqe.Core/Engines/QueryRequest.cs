namespace Dqe.Core.Engines;

/// <summary>A statement to run. <paramref name="Sql"/> is sent as-is (no trailing semicolon needed).</summary>
/// <param name="Sql">The statement text.</param>
/// <param name="Parameters">Named query parameters (ClickHouse <c>{name:Type}</c> placeholders); Trino ignores them.</param>
/// <param name="Settings">Per-query engine settings (ClickHouse settings, Trino session properties).</param>
/// <param name="QueryId">Client-chosen id where the engine supports it (ClickHouse <c>query_id</c>).</param>
/// <param name="Progress">Receives a snapshot after every page/progress update.</param>
public sealed record QueryRequest(
    string Sql,
    IReadOnlyDictionary<string, string>? Parameters = null,
    IReadOnlyDictionary<string, string>? Settings = null,
    string? QueryId = null,
    IProgress<QueryStats>? Progress = null)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the field when the request cannot be sent.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Sql))
        {
            throw new ArgumentException("Sql must not be empty.", nameof(Sql));
        }
    }
}
