using Dqe.Core.Engines;

namespace Dqe.Core.Benchmarks.Functions;

/// <summary>Builds the engine client a bench handler talks to, from the run input.</summary>
public interface IBenchEngines
{
    IQueryEngine Create(string engine, Uri server, string suite, string scale);
}
