namespace Dqe.Core.Benchmarks.ClickHouseData;

/// <summary>Where a suite's rows come from at one scale: <see cref="From"/> gives the FROM source per table.</summary>
/// <param name="Verb">What loading is called in messages: "generated" or "loaded from the lake".</param>
internal sealed record TableSource(IReadOnlyList<TableTemplate> Tables, Func<TableTemplate, string> From, string Verb);
