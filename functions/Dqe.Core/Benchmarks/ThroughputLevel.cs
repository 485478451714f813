namespace Dqe.Core.Benchmarks;

/// <summary>Suite throughput at one concurrency level: executions of all queries per hour of level wall time.</summary>
public sealed record ThroughputLevel(int Concurrency, int Executions, double WallSeconds, double QueriesPerHour);
