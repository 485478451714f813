using Dqe.Cli.Query;
using Dqe.Core.Engines;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Cli.Tests.Query;

public class ProgressLineTests
{
    private static readonly QueryStats Running = QueryStats.Empty with { State = "RUNNING", TotalSplits = 10, CompletedSplits = 4, ProcessedRows = 1234567, ProcessedBytes = 3 << 20 };

    [Fact]
    public void Report_ShortQuery_PrintsNothing()
    {
        var time = new FakeTimeProvider();
        using var error = new StringWriter();
        var progress = new ProgressLine(error, time, "trino");

        time.Advance(TimeSpan.FromSeconds(1.9));
        progress.Report(Running);

        Assert.Equal("", error.ToString());
    }

    [Fact]
    public void Report_LongQuery_PrintsAtMostOncePerSecond()
    {
        var time = new FakeTimeProvider();
        using var error = new StringWriter();
        var progress = new ProgressLine(error, time, "trino");

        time.Advance(TimeSpan.FromSeconds(2));
        progress.Report(Running);
        time.Advance(TimeSpan.FromSeconds(0.5));
        progress.Report(Running);
        time.Advance(TimeSpan.FromSeconds(0.5));
        progress.Report(Running with { State = "FINISHING" });

        Assert.Equal(
            ["[trino] RUNNING 4/10 splits, 1,234,567 rows, 3.0 MiB, 2s", "[trino] FINISHING 4/10 splits, 1,234,567 rows, 3.0 MiB, 3s"],
            error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
    }
}
