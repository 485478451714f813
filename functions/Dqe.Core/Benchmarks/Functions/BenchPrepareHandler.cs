using Dqe.Core.Benchmarks.ClickHouseData;
using Dqe.Core.Engines;
using Dqe.Core.Hosting;
using Dqe.Core.Hosting.Telemetry;

namespace Dqe.Core.Benchmarks.Functions;

/// <summary>bench.prepare: validates the input, resolves the suite, checks the engine answers, prepares the ClickHouse tables (once per scale), lists Map items.</summary>
internal sealed class BenchPrepareHandler(IBenchEngines engines, TimeProvider time)
    : FunctionHandler<BenchRunInput, BenchPrepared>(BenchJsonContext.Default.BenchRunInput, BenchJsonContext.Default.BenchPrepared)
{
    public const string Name = "dqe.bench.prepare";
    private const int DefaultMaxConcurrency = 4;

    protected override async Task<BenchPrepared> HandleAsync(BenchRunInput request, InvocationContext context, CancellationToken cancellationToken)
    {
        var options = BenchInputs.Validated(request);
        if (request.MaxConcurrency is < 1 or > 40)
        {
            throw new InvalidRequestException("$.maxConcurrency", $"must be 1..40, got {request.MaxConcurrency}");
        }

        var queries = BenchInputs.Resolve(options);
        var data = request.Engine == "clickhouse" ? BenchInputs.ClickHouseData(request) : null;
        var engine = engines.Create(request.Engine, BenchInputs.Server(request.Server), request.Suite, request.Scale, request.ClickHouse?.Database);
        var rows = await engine.QueryRowsAsync(new QueryRequest("SELECT version() AS v"), cancellationToken).ConfigureAwait(false);
        var version = rows.Count > 0 ? rows[0].Text("v") : null;
        if (data is not null && SuiteSources.HasTables(request.Suite))
        {
            foreach (var load in await new ClickHouseSuiteData(engine, data).EnsureAsync(request.Suite, request.Scale, cancellationToken).ConfigureAwait(false))
            {
                context.Log.Info($"bench {request.Suite}/{request.Scale}: {load.Table} {(load.Loaded ? load.Verb : "reused")}, {load.Rows} rows");
            }
        }

        var runId = ReportBuilder.RunId(request.Engine, options, time.GetUtcNow());
        context.Log.Info($"bench {runId}: {queries.Count} queries on {request.Engine} {version}");
        return new BenchPrepared(runId, version, request.MaxConcurrency ?? DefaultMaxConcurrency, [.. queries.Select(q => new BenchQueryItem(runId, q.Id, request))]);
    }
}
