using Dqe.Core.Hosting;

namespace Dqe.Core.Benchmarks.Functions;

/// <summary>bench.aggregate: merges the stored query parts into the run report (runs/RUNID/report.json).</summary>
internal sealed class BenchAggregateHandler(IReportStore store, TimeProvider time)
    : FunctionHandler<BenchState, BenchStepResult>(BenchJsonContext.Default.BenchState, BenchJsonContext.Default.BenchStepResult)
{
    public const string Name = "dqe.bench.aggregate";

    protected override async Task<BenchStepResult> HandleAsync(BenchState request, InvocationContext context, CancellationToken cancellationToken)
    {
        var runId = request.Run?.RunId ?? throw new InvalidRequestException("$.run.runId", "is required (the output of bench.prepare)");
        var report = await BenchAggregation.MergeAsync(store, request, runId, time, [], cancellationToken).ConfigureAwait(false);
        var key = BenchKeys.Run(runId);
        await store.PutAsync(key, BenchmarkReportJson.Serialize(report), "application/json", cancellationToken).ConfigureAwait(false);
        return new BenchStepResult(runId, report.Status.ToString(), key);
    }
}
