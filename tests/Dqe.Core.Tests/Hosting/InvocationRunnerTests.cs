using System.Text;
using Dqe.Core.Hosting;
using Dqe.Core.Tests.TestHelpers;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.Hosting;

public class InvocationRunnerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturedOutput _output = new();

    [Fact]
    public async Task RunAsync_HandlerThrows_ErrorDocumentWithTypeMessageAndStack()
    {
        var result = await Run("""{"note":"boom","fail":true}""", TimeSpan.FromSeconds(30));

        Assert.Equal("Function.InvalidOperationException", result.Error!.ErrorType);
        Assert.Contains("ping asked to fail (note: boom)", result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.NotEmpty(result.Error.StackTrace);
        Assert.All(result.Error.StackTrace, frame => Assert.StartsWith("at ", frame, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_HandlerOutlivesDeadline_TokenFiresBeforeDeadlineAndTimeoutReported()
    {
        var runner = HostFixtures.Runner("dqe.ping", _time, _output);
        var run = runner.RunAsync(Request("""{"delayMs":60000}""", TimeSpan.FromSeconds(3)), CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(3) - HostingOptions.DefaultDeadlineMargin - TimeSpan.FromMilliseconds(1));
        Assert.False(run.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var result = await run;

        Assert.Equal(ErrorTypes.Timeout, result.Error!.ErrorType);
        Assert.Contains("dqe.ping did not finish before its deadline", result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DeadlineAlreadyInsideMargin_CancelledAtOnce()
    {
        var result = await Run("""{"delayMs":60000}""", TimeSpan.FromMilliseconds(100));

        Assert.Equal(ErrorTypes.Timeout, result.Error!.ErrorType);
    }

    [Fact]
    public async Task RunAsync_HostCancelled_CancellationPropagatesInsteadOfAnError()
    {
        using var host = new CancellationTokenSource();
        var run = HostFixtures.Runner("dqe.ping", _time, _output).RunAsync(Request("""{"delayMs":60000}""", TimeSpan.FromMinutes(1)), host.Token);

        await host.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task RunAsync_AnyOutcome_LogsCarryRequestTraceAndHandler()
    {
        await Run("""{"note":"n"}""", TimeSpan.FromSeconds(30));
        await Run("""{"fail":true}""", TimeSpan.FromSeconds(30));

        var logs = _output.LogLines;
        Assert.Equal(["INFO", "INFO", "ERROR"], logs.Select(l => l.GetProperty("level").GetString()));
        Assert.All(logs, l =>
        {
            Assert.Equal("req-1", l.GetProperty("requestId").GetString());
            Assert.Equal("Root=1-abc", l.GetProperty("traceId").GetString());
            Assert.Equal("dqe.ping", l.GetProperty("handler").GetString());
        });
        Assert.Contains("Function.InvalidOperationException", logs[2].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EachInvocation_OneEmfLineWithInvocationsErrorsAndWorkflowDimension()
    {
        var options = new HostingOptions { Dimensions = new Dictionary<string, string> { ["Workflow"] = "nightly" } };
        var runner = HostFixtures.Runner("dqe.ping", _time, _output, options);
        await runner.RunAsync(Request("{}", TimeSpan.FromSeconds(30)), CancellationToken.None);
        await runner.RunAsync(Request("""{"fail":true}""", TimeSpan.FromSeconds(30)), CancellationToken.None);

        var metrics = _output.MetricLines;
        Assert.Equal(2, metrics.Count);
        Assert.Equal([1.0, 1.0], metrics.Select(m => m.GetProperty("Invocations").GetDouble()));
        Assert.Equal([0.0, 1.0], metrics.Select(m => m.GetProperty("Errors").GetDouble()));
        Assert.All(metrics, m => Assert.Equal("nightly", m.GetProperty("Workflow").GetString()));
        Assert.Equal(1.0, metrics[0].GetProperty("Pings").GetDouble());
    }

    [Fact]
    public void Constructor_NegativeDeadlineMargin_RejectedNamingTheOption()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            HostFixtures.Runner("dqe.ping", _time, _output, new HostingOptions { DeadlineMargin = TimeSpan.FromSeconds(-1) }));

        Assert.Equal("DeadlineMargin", error.ParamName);
    }

    private Task<HandlerResult> Run(string payload, TimeSpan budget) =>
        HostFixtures.Runner("dqe.ping", _time, _output).RunAsync(Request(payload, budget), CancellationToken.None);

    private InvocationRequest Request(string payload, TimeSpan budget) =>
        new("req-1", _time.GetUtcNow() + budget, Encoding.UTF8.GetBytes(payload), "arn:aws:lambda:eu-west-1:1:function:f", "Root=1-abc");
}
