using Dqe.Core.Benchmarks.LakeData;
using Dqe.Core.Hosting;
using Dqe.Core.Hosting.Telemetry;

namespace Dqe.Core.Benchmarks.Functions;

/// <summary>
/// bench.prepare-lake: before a ClickHouse TPC-H run from the lake, has Trino write the scale's tables as Parquet under
/// <c>curated/tpch/&lt;scale&gt;/</c> (once: tables already there with the right row counts are kept). <c>tables</c> limits
/// the call to some of the eight: the workflow runs it once per table in a Map, so no call has to fit a whole scale into
/// one invocation. The workflow runs it only when the input has <c>clickHouse.lakeWriter</c>.
/// </summary>
internal sealed class BenchPrepareLakeHandler(IBenchEngines engines)
    : FunctionHandler<BenchRunInput, BenchLakePrepared>(BenchJsonContext.Default.BenchRunInput, BenchJsonContext.Default.BenchLakePrepared)
{
    public const string Name = "dqe.bench.prepare-lake";

    protected override async Task<BenchLakePrepared> HandleAsync(BenchRunInput request, InvocationContext context, CancellationToken cancellationToken)
    {
        var options = BenchInputs.LakeOptions(request);
        var writes = await new TpchLakeWriter(BenchInputs.LakeWriter(engines, request, options), options).EnsureAsync(cancellationToken).ConfigureAwait(false);
        foreach (var write in writes)
        {
            context.Log.Info($"bench lake {request.Scale}: {write.Table} {(write.Written ? "written" : "kept")}, {write.Rows} rows at {write.Location}");
        }

        return new BenchLakePrepared([.. writes.Select(w => new BenchLakeTable(w.Table, w.Location, w.Rows, w.Written))]);
    }
}
