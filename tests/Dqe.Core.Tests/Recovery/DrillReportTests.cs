using System.Text.Json;
using Dqe.Core.Recovery;

namespace Dqe.Core.Tests.Recovery;

public sealed class DrillReportTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);
    private readonly string _root = Directory.CreateTempSubdirectory("dqe-report-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task WriteAsync_FailedDrill_WritesJsonAndEscapedHtmlTimeline()
    {
        var record = new DrillRecord("dr-az-loss-20261125-030000", DrScenario.AzLoss, false, T0,
            [new DrillEvent(T0, "start", "az-loss"), new DrillEvent(T0.AddSeconds(42), "error", "<script>bad</script>")],
            FaultStartedAt: T0, Result: new DrillResult(null, 3, new DrObjective(900, 60), false, true, ["engines did not recover before the timeout"]),
            FailBackVerified: true, Error: "boom");

        await DrillReport.WriteAsync(record, new DirectoryReportSink(_root), default);

        var folder = Path.Combine(_root, "dr-drills", record.RunId);
        var html = await File.ReadAllTextAsync(Path.Combine(folder, "report.html"));
        Assert.Contains("<span class=\"FAIL\">FAIL</span>", html, StringComparison.Ordinal);
        Assert.Contains("<td>42</td><td>error</td><td>&lt;script&gt;bad&lt;/script&gt;</td>", html, StringComparison.Ordinal);
        Assert.Contains("engines did not recover before the timeout", html, StringComparison.Ordinal);
        var json = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(Path.Combine(folder, "report.json")), RecoveryJsonContext.Default.DrillRecord)!;
        Assert.Equal((record.RunId, 2, "boom"), (json.RunId, json.Events.Count, json.Error));
    }

    [Fact]
    public async Task DirectoryReportSink_KeyLeavingRoot_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => new DirectoryReportSink(_root).WriteAsync("../escape.html", [], "text/html", default));
    }
}
