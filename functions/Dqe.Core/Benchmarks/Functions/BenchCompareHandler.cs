using Dqe.Core.Hosting;
using Dqe.Core.Hosting.Telemetry;

namespace Dqe.Core.Benchmarks.Functions;

/// <summary>bench.compare: compares the run with $.baselineKey or the last good run of the same engine/suite/scale.</summary>
internal sealed class BenchCompareHandler(IReportStore store)
    : FunctionHandler<BenchState, BenchStepResult>(BenchJsonContext.Default.BenchState, BenchJsonContext.Default.BenchStepResult)
{
    public const string Name = "dqe.bench.compare";

    protected override async Task<BenchStepResult> HandleAsync(BenchState request, InvocationContext context, CancellationToken cancellationToken)
    {
        var runId = request.Run?.RunId ?? throw new InvalidRequestException("$.run.runId", "is required (the output of bench.prepare)");
        var key = BenchKeys.Run(runId);
        var candidate = BenchmarkReportJson.Deserialize(await store.GetAsync(key, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{key} is missing; bench.aggregate must run first"), key);
        var baselineKey = request.BaselineKey ?? BenchKeys.Baseline(request.Engine, request.Suite, request.Scale);
        if (await store.GetAsync(baselineKey, cancellationToken).ConfigureAwait(false) is not { } json)
        {
            context.Log.Info($"bench {runId}: no baseline at {baselineKey}");
            return new BenchStepResult(runId, candidate.Status.ToString(), key);
        }

        var compared = new BenchmarkComparer(new RegressionOptions()).Compare(BenchmarkReportJson.Deserialize(json, baselineKey), candidate);
        await store.PutAsync(key, BenchmarkReportJson.Serialize(compared), "application/json", cancellationToken).ConfigureAwait(false);
        return new BenchStepResult(runId, compared.Status.ToString(), key, compared.Summary.Regressions);
    }
}
