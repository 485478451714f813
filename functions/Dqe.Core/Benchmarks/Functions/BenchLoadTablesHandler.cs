using Dqe.Core.Benchmarks.ClickHouseData;
using Dqe.Core.Hosting;
using Dqe.Core.Hosting.Telemetry;

namespace Dqe.Core.Benchmarks.Functions;

/// <summary>
/// bench.load-tables: creates and fills ClickHouse suite tables (from the lake or the in-server generator), once per scale:
/// a table whose count matches its source is reused. <c>tables</c> limits the call to some of the suite's tables: the
/// workflow runs it once per table in a Map, so no call has to load a whole scale within one invocation.
/// </summary>
internal sealed class BenchLoadTablesHandler(IBenchEngines engines)
    : FunctionHandler<BenchRunInput, BenchTablesLoaded>(BenchJsonContext.Default.BenchRunInput, BenchJsonContext.Default.BenchTablesLoaded)
{
    public const string Name = "dqe.bench.load-tables";

    protected override async Task<BenchTablesLoaded> HandleAsync(BenchRunInput request, InvocationContext context, CancellationToken cancellationToken)
    {
        if (request.Engine != "clickhouse" || !SuiteSources.HasTables(request.Suite))
        {
            throw new InvalidRequestException("$.suite", $"only ClickHouse suites have tables to load, got {request.Engine}/{request.Suite}");
        }

        var data = BenchInputs.ClickHouseData(request);
        BenchInputs.RequireTables(request, [.. SuiteSources.For(request.Suite, request.Scale, data).Tables.Select(t => t.Name)]);
        var engine = engines.Create(request.Engine, BenchInputs.Server(request.Server), request.Suite, request.Scale, request.ClickHouse?.Database);
        var loads = await new ClickHouseSuiteData(engine, data).EnsureAsync(request.Suite, request.Scale, request.Tables, cancellationToken).ConfigureAwait(false);
        foreach (var load in loads)
        {
            context.Log.Info($"bench {request.Suite}/{request.Scale}: {load.Table} {(load.Loaded ? load.Verb : "reused")}, {load.Rows} rows");
        }

        return new BenchTablesLoaded([.. loads.Select(l => new BenchTableLoad(l.Table, l.Rows, l.Loaded))]);
    }
}
