using Dqe.Core.Engines;

namespace Dqe.Core.Benchmarks.Functions;

/// <summary>Builds the engine client a bench handler talks to, from the run input.</summary>
public interface IBenchEngines
{
    /// <param name="database">ClickHouse database of the client (null = default); Trino ignores it (catalog = suite, schema = scale).</param>
    IQueryEngine Create(string engine, Uri server, string suite, string scale, string? database);
}
