namespace Dqe.Core.Chaos.Campaigns;

/// <summary>A named query timed before and during the faults to report degradation per query.</summary>
public sealed record BenchmarkQuery(string Name, string Engine, string Sql);
