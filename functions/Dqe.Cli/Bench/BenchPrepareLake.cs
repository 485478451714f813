using Dqe.Core.Benchmarks;
using Dqe.Core.Benchmarks.LakeData;
using Dqe.Core.Engines;

namespace Dqe.Cli.Bench;

/// <summary>
/// `dqe bench prepare-lake`: has Trino write the TPC-H tables of a scale as Parquet under curated/tpch/&lt;scale&gt;/ of the lake
/// (tables already there with the right row counts are kept; <c>--tables</c> limits it to some), one TSV line per table.
/// Exit 0 when all the tables asked for are in place, 1 when Trino or the lake refused (with one line saying why).
/// </summary>
internal sealed class BenchPrepareLake(TextWriter output, TextWriter error)
{
    public async Task<int> RunAsync(IQueryEngine trino, TpchLakeOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var writes = await new TpchLakeWriter(trino, options).EnsureAsync(cancellationToken).ConfigureAwait(false);
            output.WriteLine("table\trows\tstatus\tlocation\thive_table");
            foreach (var write in writes)
            {
                output.WriteLine($"{write.Table}\t{write.Rows}\t{(write.Written ? "written" : "kept")}\t{write.Location}\t{options.Catalog}.{options.Schema}.{write.HiveTable}");
            }

            await error.WriteLineAsync($"dqe bench prepare-lake: {writes.Count(w => w.Written)} written, {writes.Count(w => !w.Written)} kept").ConfigureAwait(false);
            return 0;
        }
        catch (Exception e) when (e is QueryEngineException or HttpRequestException or BenchmarkException)
        {
            await error.WriteLineAsync($"dqe bench prepare-lake: {(e is QueryEngineException q ? q.ToOneLine() : e.Message)}").ConfigureAwait(false);
            return 1;
        }
    }
}
