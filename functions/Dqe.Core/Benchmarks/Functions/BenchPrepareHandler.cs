using Dqe.Core.Benchmarks.ClickHouseData;
using Dqe.Core.Benchmarks.LakeData;
using Dqe.Core.Engines;
using Dqe.Core.Hosting;
using Dqe.Core.Hosting.Telemetry;

namespace Dqe.Core.Benchmarks.Functions;

/// <summary>
/// bench.prepare: validates the input, resolves the suite, checks the engine answers, lists the Map items: one per query,
/// one per ClickHouse suite table (written to the lake and loaded by the per-table steps that follow). With
/// <c>clickHouse.lakeWriter</c> it also checks the lake tables that already exist, so a wrong one stops the run before
/// any table is written (the check costs no generator count where the TPC-H row counts settle it).
/// </summary>
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
        var tables = data is not null && SuiteSources.HasTables(request.Suite) ? SuiteSources.For(request.Suite, request.Scale, data).Tables.Select(t => t.Name).ToList() : [];
        var lake = request.ClickHouse?.LakeWriter is null ? null : BenchInputs.LakeOptions(request with { Tables = null });
        var engine = engines.Create(request.Engine, BenchInputs.Server(request.Server), request.Suite, request.Scale, request.ClickHouse?.Database);
        var lakeWriter = lake is null ? null : BenchInputs.LakeWriter(engines, request, lake);
        var rows = await engine.QueryRowsAsync(new QueryRequest("SELECT version() AS v"), cancellationToken).ConfigureAwait(false);
        var version = rows.Count > 0 ? rows[0].Text("v") : null;
        if (lake is not null)
        {
            var (kept, missing) = await new TpchLakeWriter(lakeWriter!, lake).CheckAsync(cancellationToken).ConfigureAwait(false);
            context.Log.Info($"bench lake {request.Scale}: {kept.Count} tables kept, to write: {string.Join(", ", missing.Select(t => t.Name))}");
        }

        var runId = ReportBuilder.RunId(request.Engine, options, time.GetUtcNow());
        context.Log.Info($"bench {runId}: {queries.Count} queries on {request.Engine} {version}, {tables.Count} tables");
        return new BenchPrepared(runId, version, request.MaxConcurrency ?? DefaultMaxConcurrency,
            [.. queries.Select(q => new BenchQueryItem(runId, q.Id, request))], [.. tables.Select(t => request with { Tables = [t] })]);
    }
}
