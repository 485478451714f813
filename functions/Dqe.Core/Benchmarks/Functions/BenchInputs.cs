using Dqe.Core.Benchmarks.ClickHouseData;
using Dqe.Core.Benchmarks.LakeData;
using Dqe.Core.Engines;
using Dqe.Core.Hosting;

namespace Dqe.Core.Benchmarks.Functions;

/// <summary>Input checks shared by the bench handlers, reported as InvalidRequestException naming the JSON field.</summary>
internal static class BenchInputs
{
    public static BenchmarkOptions Validated(BenchRunInput input, IReadOnlyList<string>? queries = null)
    {
        var options = input.Options(queries);
        try
        {
            options.Validate();
            return options;
        }
        catch (ArgumentException e)
        {
            throw new InvalidRequestException("$." + e.ParamName, e.Message);
        }
    }

    public static IReadOnlyList<BenchmarkQuery> Resolve(BenchmarkOptions options)
    {
        try
        {
            return QueryCatalog.Embedded.Resolve(options.Engine, options.Suite, options.Queries);
        }
        catch (BenchmarkException e)
        {
            throw new InvalidRequestException("$.queries", e.Message);
        }
    }

    /// <summary>The ClickHouse table layout and data source, checked before anything is sent.</summary>
    public static ClickHouseDataOptions ClickHouseData(BenchRunInput input)
    {
        var options = (input.ClickHouse ?? new BenchClickHouseInput()).Options();
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InvalidRequestException("$.clickHouse." + e.ParamName, e.Message);
        }

        try
        {
            _ = SuiteSources.HasTables(input.Suite) ? SuiteSources.For(input.Suite, input.Scale, options) : null;
            return options;
        }
        catch (ArgumentException e)
        {
            throw new InvalidRequestException("$.scale", e.Message);
        }
    }

    /// <summary>The lake writer's options from <c>clickHouse.lakeWriter</c> (and <c>tables</c>), checked before anything is sent.</summary>
    public static TpchLakeOptions LakeOptions(BenchRunInput request)
    {
        if (request.Engine != "clickhouse" || request.Suite != "tpch")
        {
            throw new InvalidRequestException("$.clickHouse.lakeWriter", $"the lake holds TPC-H for ClickHouse only, got {request.Engine}/{request.Suite}");
        }

        var writer = request.ClickHouse?.LakeWriter ?? throw new InvalidRequestException("$.clickHouse.lakeWriter", "is required: the Trino server and Hive schema that write the lake");
        var options = new TpchLakeOptions(request.ClickHouse.LakeBucket ?? "", request.Scale, writer.Schema, writer.Catalog ?? "hive", Tables: request.Tables);
        try
        {
            options.Validate();
            return options;
        }
        catch (ArgumentException e)
        {
            throw new InvalidRequestException(e.ParamName switch
            {
                "scale" => "$.scale",
                "tables" => "$.tables",
                "lakeBucket" => "$.clickHouse.lakeBucket",
                var field => "$.clickHouse.lakeWriter." + field,
            }, e.Message);
        }
    }

    /// <summary>The Trino that writes the lake (<c>clickHouse.lakeWriter.server</c>), reading the tpch schema of the scale.</summary>
    public static IQueryEngine LakeWriter(IBenchEngines engines, BenchRunInput request, TpchLakeOptions options) =>
        engines.Create("trino", Server(request.ClickHouse!.LakeWriter!.Server, "$.clickHouse.lakeWriter.server"), options.SourceCatalog, options.Scale, null);

    /// <summary><c>tables</c>, when given, must be distinct tables of <paramref name="known"/>.</summary>
    public static void RequireTables(BenchRunInput request, IReadOnlyList<string> known)
    {
        if (request.Tables is { } tables && (tables.Count == 0 || tables.Distinct().Count() != tables.Count || tables.Any(t => !known.Contains(t))))
        {
            throw new InvalidRequestException("$.tables", $"must be distinct tables of {request.Engine}/{request.Suite} ({string.Join(", ", known)}), got [{string.Join(", ", tables)}]");
        }
    }

    public static Uri Server(string text, string field = "$.server") => Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        ? uri
        : throw new InvalidRequestException(field, $"must be an absolute http(s) URL, got '{text}'");
}
