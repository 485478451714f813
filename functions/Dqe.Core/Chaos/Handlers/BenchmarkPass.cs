namespace Dqe.Core.Chaos.Handlers;

/// <summary>One timed pass of the campaign's <c>report.benchmark</c> queries: <see cref="Phase"/> is <c>before</c> or <c>during</c> the faults.</summary>
public sealed record BenchmarkPass(string Phase, DateTimeOffset At, IReadOnlyList<BenchmarkTiming> Queries);
