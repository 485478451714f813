using Dqe.Core.Hosting.Emulator;
using Dqe.Lambda.Tests.TestHelpers;

namespace Dqe.Lambda.Tests.Runtime;

public class HostBenchmarkTests
{
    [Fact]
    public async Task MeasureAsync_RealBootstrap_OneColdStartAndRssSamplePerRun()
    {
        var benchmark = new HostBenchmark(TimeProvider.System, new HostBenchmarkOptions { Runs = 2, WarmInvocations = 3 });

        var measurement = await benchmark.MeasureAsync("JIT", HostCommand.Jit(BootstrapProcessFixture.BootstrapDll), CancellationToken.None);

        Assert.Equal(2, measurement.ColdStarts.Count);
        Assert.All(measurement.ColdStarts, c => Assert.True(c > TimeSpan.Zero));
        Assert.Equal(2, measurement.PeakRssBytes.Count);
        Assert.All(measurement.PeakRssBytes, b => Assert.True(b > 1024 * 1024));
    }

    [Fact]
    public async Task MeasureAsync_BootstrapCannotStart_FailsWithItsInitError()
    {
        var benchmark = new HostBenchmark(TimeProvider.System, new HostBenchmarkOptions { Runs = 1 });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            benchmark.MeasureAsync("broken", new HostCommand(HostCommand.Jit(BootstrapProcessFixture.BootstrapDll).FileName, ["/nonexistent/bootstrap.dll"]), CancellationToken.None));

        Assert.StartsWith("broken: the bootstrap did not answer 'dqe.ping'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_TwoMeasurements_MediansAndTargetVerdicts()
    {
        var aot = new HostMeasurement("AOT", [TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20)], [20L << 20, 22L << 20, 21L << 20]);
        var jit = new HostMeasurement("JIT", [TimeSpan.FromMilliseconds(90), TimeSpan.FromMilliseconds(80), TimeSpan.FromMilliseconds(70)], [60L << 20, 63L << 20, 61L << 20]);

        var report = HostBenchmark.Report(aot, jit);

        Assert.Contains("| AOT | 3 | 20.0 | 10.0..30.0 | 21.0 |", report, StringComparison.Ordinal);
        Assert.Contains("| JIT | 3 | 80.0 | 70.0..90.0 | 61.0 |", report, StringComparison.Ordinal);
        Assert.Contains("AOT is 4.0x faster than JIT (target >= 5x: NOT met)", report, StringComparison.Ordinal);
        Assert.Contains("AOT is 2.9x smaller than JIT (target >= 2x: met)", report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1, "dqe.ping", "Runs")]
    [InlineData(1, -1, "dqe.ping", "WarmInvocations")]
    [InlineData(1, 1, "dqe.unknown", "Handler")]
    public void Constructor_InvalidOptions_RejectedNamingTheField(int runs, int warm, string handler, string field)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() =>
            new HostBenchmark(TimeProvider.System, new HostBenchmarkOptions { Runs = runs, WarmInvocations = warm, Handler = handler }));

        Assert.Equal(field, error.ParamName);
    }
}
