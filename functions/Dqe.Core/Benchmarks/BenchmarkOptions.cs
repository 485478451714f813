namespace Dqe.Core.Benchmarks;

/// <summary>
/// What to run. Defaults: 1 warmup, 5 measured iterations, concurrency 1, 10 minute timeout per execution.
/// <paramref name="Scale"/> is the Trino schema (tiny, sf1, ...) or the ClickBench row count (10k, 100k, 1m).
/// </summary>
public sealed record BenchmarkOptions(
    string Engine,
    string Suite,
    string Scale,
    IReadOnlyList<string>? Queries = null,
    int Warmups = 1,
    int Iterations = 5,
    IReadOnlyList<int>? Concurrency = null,
    TimeSpan? QueryTimeout = null)
{
    /// <summary>X-Trino-Source of the benchmark workflow's queries; Trino's resource groups route it to the benchmark group.</summary>
    public const string TrinoSource = "dqe-bench";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    public IReadOnlyList<int> ConcurrencyLevels => Concurrency is { Count: > 0 } levels ? levels : [1];

    public TimeSpan Timeout => QueryTimeout ?? DefaultTimeout;

    /// <summary>Throws <see cref="ArgumentException"/> naming the field.</summary>
    public void Validate()
    {
        Require(Engine is "trino" or "clickhouse", "engine", $"must be trino or clickhouse, got '{Engine}'");
        Require(!string.IsNullOrWhiteSpace(Suite), "suite", "must not be empty");
        Require(!string.IsNullOrWhiteSpace(Scale) && Scale.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.'), "scale", $"must be letters/digits (tiny, sf1, 100k), got '{Scale}'");
        Require(Warmups is >= 0 and <= 100, "warmups", $"must be 0..100, got {Warmups}");
        Require(Iterations is >= 1 and <= 10_000, "iterations", $"must be 1..10000, got {Iterations}");
        Require(ConcurrencyLevels.All(c => c is >= 1 and <= 256), "concurrency", $"levels must be 1..256, got {string.Join(",", ConcurrencyLevels)}");
        Require(Timeout > TimeSpan.Zero && Timeout <= TimeSpan.FromHours(6), "timeout", $"must be between 0 and 6 h, got {Timeout}");
    }

    private static void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"{field}: {message}.", field);
        }
    }
}
