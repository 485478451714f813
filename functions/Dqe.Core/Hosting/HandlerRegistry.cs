using Dqe.Core.Benchmarks.Functions;
using Dqe.Core.Hosting.Diagnostics;

namespace Dqe.Core.Hosting;

/// <summary>
/// Every handler the <c>bootstrap</c> binary hosts, built in code so Native AOT sees each one (no
/// reflection, no scanning). The function's <c>_HANDLER</c> setting picks an entry by name.
/// To add a handler: write a <see cref="FunctionHandler{TRequest,TResponse}"/> and add ONE line below.
/// </summary>
public static class HandlerRegistry
{
    public static IReadOnlyList<HandlerRegistration> All { get; } =
    [
        new(PingHandler.Name, "Diagnostic: echoes a note with version, function name and remaining time.", s => new PingHandler(s.Time)),
        new(BenchPrepareHandler.Name, "Benchmark: validate input, resolve the suite, check engine health, list queries.", s => new BenchPrepareHandler(BenchHost.Engines(s), s.Time)),
        new(BenchRunQueryHandler.Name, "Benchmark: measure one query and store its samples.", s => new BenchRunQueryHandler(BenchHost.Engines(s), new LazyReportStore(s.Environment), s.Time)),
        new(BenchAggregateHandler.Name, "Benchmark: merge query results into the run report.", s => new BenchAggregateHandler(new LazyReportStore(s.Environment), s.Time)),
        new(BenchCompareHandler.Name, "Benchmark: compare with the baseline (Mann-Whitney U + minimum effect).", s => new BenchCompareHandler(new LazyReportStore(s.Environment))),
        new(BenchReportHandler.Name, "Benchmark: publish JSON + HTML reports and EMF metrics (partial on failure).", s => new BenchReportHandler(new LazyReportStore(s.Environment), s.Time)),
    ];

    public static HandlerRegistration? Find(string name) =>
        All.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.Ordinal));
}
