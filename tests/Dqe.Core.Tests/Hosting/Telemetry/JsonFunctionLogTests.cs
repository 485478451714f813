using Dqe.Core.Hosting.Telemetry;
using Dqe.Core.Tests.TestHelpers;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.Hosting.Telemetry;

public class JsonFunctionLogTests
{
    private readonly CapturedOutput _output = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 1, 10, 0, 0, 123, TimeSpan.Zero));

    [Fact]
    public void Write_Message_OneJsonLineWithAllFields()
    {
        var log = new JsonFunctionLog(_output.Writer, _time, new LogScope("dqe.ping", "r-1", "Root=1-x"));

        log.Warn("say \"hi\"\nthere");

        var line = Assert.Single(_output.Lines);
        Assert.Equal("2026-05-01T10:00:00.123Z", line.GetProperty("timestamp").GetString());
        Assert.Equal("WARN", line.GetProperty("level").GetString());
        Assert.Equal("say \"hi\"\nthere", line.GetProperty("message").GetString());
        Assert.Equal("dqe.ping", line.GetProperty("handler").GetString());
        Assert.Equal("r-1", line.GetProperty("requestId").GetString());
        Assert.Equal("Root=1-x", line.GetProperty("traceId").GetString());
    }

    [Theory]
    [InlineData(LogLevel.Debug, 4)]
    [InlineData(LogLevel.Info, 3)]
    [InlineData(LogLevel.Warn, 2)]
    [InlineData(LogLevel.Error, 1)]
    public void Write_BelowMinimumLevel_Dropped(LogLevel minimum, int expectedLines)
    {
        var log = new JsonFunctionLog(_output.Writer, _time, new LogScope("h"), minimum);

        log.Debug("d");
        log.Info("i");
        log.Warn("w");
        log.Error("e");

        Assert.Equal(expectedLines, _output.Lines.Count);
    }

    [Fact]
    public async Task Write_ManyConcurrentWriters_LinesNeverInterleave()
    {
        var log = new JsonFunctionLog(_output.Writer, _time, new LogScope("h"));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                log.Info($"{t}-{i}");
            }
        })));

        Assert.Equal(400, _output.Lines.Select(l => l.GetProperty("message").GetString()).Distinct().Count());
    }
}
