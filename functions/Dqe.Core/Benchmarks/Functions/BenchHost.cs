using Dqe.Core.Hosting;

namespace Dqe.Core.Benchmarks.Functions;

/// <summary>Dependencies of the bench handlers built from the host services (one HttpClient per process).</summary>
internal static class BenchHost
{
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public static IBenchEngines Engines(HostServices services) => new EnvironmentBenchEngines(services, Http);
}
