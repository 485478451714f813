using System.Text;
using System.Text.Json;
using Dqe.Core.Hosting;
using Dqe.Core.Hosting.Emulator;
using Dqe.Lambda.Runtime;
using Dqe.Lambda.Tests.TestHelpers;

namespace Dqe.Lambda.Tests.Runtime;

public class LambdaRuntimeTests
{
    [Fact]
    public async Task RunAsync_Success_ResponsePostedForTheRequestIdWithContext()
    {
        await using var harness = RuntimeHarness.Start();
        var loop = harness.RunAsync(1);

        var outcome = await harness.Emulator.InvokeAsync(new EmulatedInvocation("""{"note":"hi"}"""u8.ToArray()) { RequestId = "req-42" }, CancellationToken.None);
        await loop;

        Assert.Equal(EmulatedOutcomeKind.Response, outcome.Kind);
        Assert.Equal("req-42", outcome.RequestId);
        var response = JsonDocument.Parse(outcome.Body).RootElement;
        Assert.Equal("hi", response.GetProperty("note").GetString());
        Assert.Equal("req-42", response.GetProperty("requestId").GetString());
        Assert.InRange(response.GetProperty("remainingMs").GetInt64(), 1, 30_000);
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_DocumentedErrorShapeAndHeaderThenLoopGoesOn()
    {
        await using var harness = RuntimeHarness.Start();
        var loop = harness.RunAsync(2);

        var failed = await harness.Emulator.InvokeAsync("""{"fail":true}""", CancellationToken.None);
        var next = await harness.Emulator.InvokeAsync("{}", CancellationToken.None);
        await loop;

        var body = ErrorDocumentAssert.IsError(failed, "Function.InvalidOperationException");
        Assert.Contains("ping asked to fail", body.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(0, body.GetProperty("stackTrace").GetArrayLength());
        Assert.Equal(EmulatedOutcomeKind.Response, next.Kind);
    }

    [Theory]
    [InlineData("not json", "'$'")]
    [InlineData("""{"delayMs":"x"}""", "'$.delayMs'")]
    [InlineData("", "'$'")]
    public async Task RunAsync_MalformedEvent_InvalidRequestNamingTheField(string payload, string field)
    {
        await using var harness = RuntimeHarness.Start();
        var loop = harness.RunAsync(1);

        var outcome = await harness.Emulator.InvokeAsync(payload, CancellationToken.None);
        await loop;

        var body = ErrorDocumentAssert.IsError(outcome, ErrorTypes.InvalidRequest);
        Assert.Contains(field, body.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DeadlineInsideMargin_HandlerCancelledAndTimeoutPosted()
    {
        await using var harness = RuntimeHarness.Start();
        var loop = harness.RunAsync(1);

        var outcome = await harness.Emulator.InvokeAsync(
            new EmulatedInvocation("""{"delayMs":600000}"""u8.ToArray()) { Deadline = DateTimeOffset.UtcNow.AddMilliseconds(100) },
            CancellationToken.None);
        await loop;

        ErrorDocumentAssert.IsError(outcome, ErrorTypes.Timeout);
    }

    [Fact]
    public async Task RunAsync_TraceHeader_PropagatedAsXAmznTraceIdForEachInvocation()
    {
        await using var harness = RuntimeHarness.Start();
        var loop = harness.RunAsync(2);

        await harness.Emulator.InvokeAsync(new EmulatedInvocation("{}"u8.ToArray()) { TraceId = "Root=1-a;Sampled=1" }, CancellationToken.None);
        await harness.Emulator.InvokeAsync(new EmulatedInvocation("{}"u8.ToArray()) { TraceId = "Root=1-b;Sampled=0" }, CancellationToken.None);
        await loop;

        Assert.Equal(
            ["Root=1-a;Sampled=1", "Root=1-b;Sampled=0"],
            harness.Environment.Writes.Where(w => w.Name == "_X_AMZN_TRACE_ID").Select(w => w.Value));
        Assert.Contains(harness.Output.LogLines, l => l.GetProperty("traceId").GetString() == "Root=1-b;Sampled=0");
    }

    [Fact]
    public async Task RunAsync_ManyInvocationsInARow_AllAnsweredInOrderAndEveryDeadlineTimerReleased()
    {
        const int Count = 300;
        await using var harness = RuntimeHarness.Start();
        var loop = harness.RunAsync(Count);

        var outcomes = new List<EmulatedOutcome>();
        for (var i = 0; i < Count; i++)
        {
            var payload = (i % 3) switch { 0 => $$"""{"note":"n{{i}}"}""", 1 => """{"fail":true}""", _ => "{oops" };
            outcomes.Add(await harness.Emulator.InvokeAsync(new EmulatedInvocation(Encoding.UTF8.GetBytes(payload)) { RequestId = $"r{i}" }, CancellationToken.None));
        }

        await loop;

        Assert.Equal(Enumerable.Range(0, Count).Select(i => $"r{i}"), outcomes.Select(o => o.RequestId));
        Assert.Equal(Count / 3, outcomes.Count(o => o.Kind == EmulatedOutcomeKind.Response));
        Assert.Equal(Count, harness.Time.Created);
        Assert.Equal(harness.Time.Created, harness.Time.Disposed);
        Assert.Equal(Count, harness.Output.MetricLines.Count);
    }

    [Fact]
    public async Task RunAsync_RuntimeApiGone_RuntimeApiExceptionEndsTheLoop()
    {
        var harness = RuntimeHarness.Start();
        await harness.DisposeAsync();

        await Assert.ThrowsAsync<RuntimeApiException>(() => harness.RunAsync(1));
    }
}
