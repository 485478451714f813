using Dqe.Core.Benchmarks.ClickHouseData;
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

    public static Uri Server(string text, string field = "$.server") => Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        ? uri
        : throw new InvalidRequestException(field, $"must be an absolute http(s) URL, got '{text}'");
}
