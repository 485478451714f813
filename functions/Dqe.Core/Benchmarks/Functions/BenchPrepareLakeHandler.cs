using Dqe.Core.Benchmarks.LakeData;
using Dqe.Core.Hosting;
using Dqe.Core.Hosting.Telemetry;

namespace Dqe.Core.Benchmarks.Functions;

/// <summary>
/// bench.prepare-lake: before a ClickHouse TPC-H run from the lake, has Trino write the scale's eight tables as Parquet
/// under <c>curated/tpch/&lt;scale&gt;/</c> (once: tables already there with the generator's row counts are kept).
/// The workflow runs it only when the input has <c>clickHouse.lakeWriter</c>.
/// </summary>
internal sealed class BenchPrepareLakeHandler(IBenchEngines engines)
    : FunctionHandler<BenchRunInput, BenchLakePrepared>(BenchJsonContext.Default.BenchRunInput, BenchJsonContext.Default.BenchLakePrepared)
{
    public const string Name = "dqe.bench.prepare-lake";

    protected override async Task<BenchLakePrepared> HandleAsync(BenchRunInput request, InvocationContext context, CancellationToken cancellationToken)
    {
        if (request.Engine != "clickhouse" || request.Suite != "tpch")
        {
            throw new InvalidRequestException("$.clickHouse.lakeWriter", $"the lake holds TPC-H for ClickHouse only, got {request.Engine}/{request.Suite}");
        }

        var writer = request.ClickHouse?.LakeWriter ?? throw new InvalidRequestException("$.clickHouse.lakeWriter", "is required: the Trino server and Hive schema that write the lake");
        var options = new TpchLakeOptions(request.ClickHouse.LakeBucket ?? "", request.Scale, writer.Schema, writer.Catalog ?? "hive");
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InvalidRequestException(e.ParamName switch
            {
                "scale" => "$.scale",
                "lakeBucket" => "$.clickHouse.lakeBucket",
                var field => "$.clickHouse.lakeWriter." + field,
            }, e.Message);
        }

        var trino = engines.Create("trino", BenchInputs.Server(writer.Server, "$.clickHouse.lakeWriter.server"), options.SourceCatalog, request.Scale, null);
        var writes = await new TpchLakeWriter(trino, options).EnsureAsync(cancellationToken).ConfigureAwait(false);
        foreach (var write in writes)
        {
            context.Log.Info($"bench lake {request.Scale}: {write.Table} {(write.Written ? "written" : "kept")}, {write.Rows} rows at {write.Location}");
        }

        return new BenchLakePrepared([.. writes.Select(w => new BenchLakeTable(w.Table, w.Location, w.Rows, w.Written))]);
    }
}
