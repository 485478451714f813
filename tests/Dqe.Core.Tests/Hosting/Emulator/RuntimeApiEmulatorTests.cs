using System.Net;
using System.Text;
using Dqe.Core.Hosting.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.Hosting.Emulator;

public class RuntimeApiEmulatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Next_QueuedEvent_DocumentedHeadersAndBodyThenResponseCompletesInvoke()
    {
        await using var emulator = RuntimeApiEmulator.Start(new FakeTimeProvider(Now), TimeSpan.FromSeconds(5));
        using var http = new HttpClient { BaseAddress = new Uri($"http://{emulator.Address}/2018-06-01/") };
        var invoke = emulator.InvokeAsync(new EmulatedInvocation("""{"a":1}"""u8.ToArray()) { RequestId = "r-1", TraceId = "Root=1-t" }, CancellationToken.None);

        using var next = await http.GetAsync(new Uri("runtime/invocation/next", UriKind.Relative));
        Assert.Equal("r-1", next.Headers.GetValues("Lambda-Runtime-Aws-Request-Id").Single());
        Assert.Equal((Now.ToUnixTimeMilliseconds() + 5000).ToString(System.Globalization.CultureInfo.InvariantCulture), next.Headers.GetValues("Lambda-Runtime-Deadline-Ms").Single());
        Assert.Equal("Root=1-t", next.Headers.GetValues("Lambda-Runtime-Trace-Id").Single());
        Assert.StartsWith("arn:aws:lambda:", next.Headers.GetValues("Lambda-Runtime-Invoked-Function-Arn").Single(), StringComparison.Ordinal);
        Assert.Equal("""{"a":1}""", await next.Content.ReadAsStringAsync());

        using var posted = await http.PostAsync(new Uri("runtime/invocation/r-1/response", UriKind.Relative), new StringContent("""{"ok":true}"""));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var outcome = await invoke;
        Assert.Equal(EmulatedOutcomeKind.Response, outcome.Kind);
        Assert.Equal("""{"ok":true}""", outcome.BodyText);
        Assert.Equal(1, emulator.NextRequests);
    }

    [Theory]
    [InlineData("runtime/invocation/unknown/response", HttpStatusCode.BadRequest)]
    [InlineData("runtime/invocation/unknown/error", HttpStatusCode.BadRequest)]
    [InlineData("runtime/invocation/r/other", HttpStatusCode.NotFound)]
    [InlineData("runtime/elsewhere", HttpStatusCode.NotFound)]
    public async Task Post_UnknownIdOrPath_Refused(string path, HttpStatusCode expected)
    {
        await using var emulator = RuntimeApiEmulator.Start();
        using var http = new HttpClient { BaseAddress = new Uri($"http://{emulator.Address}/2018-06-01/") };

        using var posted = await http.PostAsync(new Uri(path, UriKind.Relative), new StringContent("{}"));

        Assert.Equal(expected, posted.StatusCode);
    }

    [Fact]
    public async Task InitError_Posted_RecordedWithErrorTypeHeader()
    {
        await using var emulator = RuntimeApiEmulator.Start();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"http://{emulator.Address}/2018-06-01/runtime/init/error"))
        {
            Content = new StringContent("""{"errorMessage":"m","errorType":"Runtime.X","stackTrace":[]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Lambda-Runtime-Function-Error-Type", "Runtime.X");

        using var posted = await http.SendAsync(request);
        var outcome = await emulator.InitError;

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal(EmulatedOutcomeKind.InitError, outcome.Kind);
        Assert.Equal("Runtime.X", outcome.ErrorType);
        Assert.Contains("\"errorMessage\":\"m\"", outcome.BodyText, StringComparison.Ordinal);
    }
}
