using Dqe.Core.Hosting;

namespace Dqe.Core.Benchmarks.Functions;

/// <summary>bench.run-query: one Map item. Measures one query, stores its part report, returns only the key and status.</summary>
internal sealed class BenchRunQueryHandler(IBenchEngines engines, IReportStore store, TimeProvider time)
    : FunctionHandler<BenchQueryItem, BenchQueryResult>(BenchJsonContext.Default.BenchQueryItem, BenchJsonContext.Default.BenchQueryResult)
{
    public const string Name = "dqe.bench.run-query";

    protected override async Task<BenchQueryResult> HandleAsync(BenchQueryItem request, InvocationContext context, CancellationToken cancellationToken)
    {
        var options = BenchInputs.Validated(request.Input, [request.QueryId]);
        var query = BenchInputs.Resolve(options);
        var engine = engines.Create(options.Engine, BenchInputs.Server(request.Input.Server), options.Suite, options.Scale, request.Input.ClickHouse?.Database);
        // Query failures (wrong rows, timeouts, engine errors) are results, not task errors: they land in the report.
        var part = await new BenchmarkRunner(engine, time).RunAsync(options, query, null, cancellationToken).ConfigureAwait(false);
        var key = BenchKeys.QueryPart(request.RunId, request.QueryId);
        await store.PutAsync(key, BenchmarkReportJson.Serialize(part with { RunId = request.RunId }), "application/json", cancellationToken).ConfigureAwait(false);
        return new BenchQueryResult(request.QueryId, part.Queries[0].Status.ToString(), key);
    }
}
