using System.Text.Json.Serialization;
using Dqe.Core.Benchmarks.ClickHouseData;

namespace Dqe.Core.Benchmarks.Functions;

/// <summary>
/// Workflow input, also the request of bench.prepare. Optional numbers fall back to BenchmarkOptions defaults.
/// <paramref name="Tables"/>: the tables one bench.prepare-lake / bench.load-tables call covers (a workflow Map item has
/// one); null = every table of the suite.
/// </summary>
internal sealed record BenchRunInput(
    string Engine, string Suite, string Scale, string Server,
    List<string>? Queries = null, int? Warmups = null, int? Iterations = null, List<int>? Concurrency = null,
    double? TimeoutSeconds = null, int? MaxConcurrency = null, string? BaselineKey = null, BenchClickHouseInput? ClickHouse = null,
    List<string>? Tables = null)
{
    public BenchmarkOptions Options(IReadOnlyList<string>? queries = null) => new(
        Engine, Suite, Scale, queries ?? Queries, Warmups ?? 1, Iterations ?? 5, Concurrency,
        TimeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : null);
}

/// <summary>
/// Where the ClickHouse suites keep their tables (see ClickHouseDataOptions); omitted = one server, generated data only.
/// <paramref name="Database"/> is also the bench functions' client database (the queries name tables unqualified).
/// <paramref name="LakeWriter"/> present = the workflow's PrepareLake step writes the TPC-H Parquet files with Trino first.
/// </summary>
internal sealed record BenchClickHouseInput(string? Cluster = null, string? LakeBucket = null, string? LakeRegion = null, string? Database = null, BenchLakeWriterInput? LakeWriter = null)
{
    public ClickHouseDataOptions Options() => new(Cluster, Database ?? "default", LakeBucket, LakeRegion);
}

/// <summary>The Trino that writes <c>curated/tpch/&lt;scale&gt;/</c> and the Hive schema (the lake's Glue database) its tables go to.</summary>
internal sealed record BenchLakeWriterInput(string Server, string Schema, string? Catalog = null);

/// <summary>What bench.prepare-lake did per table (kept small: eight rows at most).</summary>
internal sealed record BenchLakePrepared(List<BenchLakeTable> Tables);

internal sealed record BenchLakeTable(string Table, string Location, long Rows, bool Written);

/// <summary>What bench.load-tables did per ClickHouse table.</summary>
internal sealed record BenchTablesLoaded(List<BenchTableLoad> Tables);

internal sealed record BenchTableLoad(string Table, long Rows, bool Loaded);

/// <summary>One Map item: the run input plus the query it measures.</summary>
internal sealed record BenchQueryItem(string RunId, string QueryId, BenchRunInput Input);

/// <summary>
/// The run: one query item per measured query, and one table item per ClickHouse suite table (the run input with
/// <c>tables</c> = that table; empty for Trino) for the lake-writing and loading Maps.
/// </summary>
internal sealed record BenchPrepared(string RunId, string? ServerVersion, int MaxConcurrency, List<BenchQueryItem> Items, List<BenchRunInput> TableItems);

/// <summary>What a Map item returns: small on purpose, the samples are in the store under <paramref name="Key"/>.</summary>
internal sealed record BenchQueryResult(string QueryId, string Status, string Key);

/// <summary>The Step Functions error object a Catch puts at $.error.</summary>
internal sealed record StepError(string? Error, string? Cause);

/// <summary>The execution state as aggregate/compare/report see it (workflow input at the root).</summary>
internal sealed record BenchState(
    string Engine, string Suite, string Scale, string? Server = null, List<string>? Queries = null,
    int? Warmups = null, int? Iterations = null, List<int>? Concurrency = null, double? TimeoutSeconds = null,
    string? BaselineKey = null, BenchPrepared? Run = null, List<BenchQueryResult>? Results = null, StepError? Error = null)
{
    public BenchRunInput Input => new(Engine, Suite, Scale, Server ?? "", Queries, Warmups, Iterations, Concurrency, TimeoutSeconds, null, BaselineKey);
}

internal sealed record BenchStepResult(string RunId, string Status, string Key, int Regressions = 0, string? HtmlKey = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BenchRunInput))]
[JsonSerializable(typeof(BenchQueryItem))]
[JsonSerializable(typeof(BenchPrepared))]
[JsonSerializable(typeof(BenchQueryResult))]
[JsonSerializable(typeof(BenchState))]
[JsonSerializable(typeof(BenchStepResult))]
[JsonSerializable(typeof(BenchLakePrepared))]
[JsonSerializable(typeof(BenchTablesLoaded))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
