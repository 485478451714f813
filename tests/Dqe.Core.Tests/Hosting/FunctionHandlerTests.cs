using System.Text;
using System.Text.Json;
using Dqe.Core.Hosting;
using Dqe.Core.Tests.TestHelpers;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.Hosting;

public class FunctionHandlerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturedOutput _output = new();

    [Theory]
    [InlineData("", "'$'", "empty")]
    [InlineData("   ", "'$'", "empty")]
    [InlineData("null", "'$'", "null")]
    [InlineData("{", "'$'", "")]
    [InlineData("[1,2]", "'$'", "")]
    [InlineData("""{"delayMs":"soon"}""", "'$.delayMs'", "expected a value of type int")]
    [InlineData("""{"fail":3}""", "'$.fail'", "expected a value of type bool")]
    [InlineData("""{"note":"x","colour":"red"}""", "colour", "")]
    [InlineData("""{"delayMs":-1}""", "'$.delayMs'", "between 0 and")]
    [InlineData("""{"delayMs":900001}""", "'$.delayMs'", "between 0 and")]
    public async Task RunAsync_MalformedEvent_InvalidRequestNamingTheField(string payload, string field, string reason)
    {
        var result = await Run(payload);

        Assert.False(result.Succeeded);
        Assert.Equal(ErrorTypes.InvalidRequest, result.Error!.ErrorType);
        Assert.Contains(field, result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(reason, result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ValidEvent_TypedResponseInCamelCase()
    {
        var result = await Run("""{"note":"hello"}""");

        Assert.True(result.Succeeded);
        var response = JsonDocument.Parse(result.Response!).RootElement;
        Assert.Equal("hello", response.GetProperty("note").GetString());
        Assert.Equal("dqe-test", response.GetProperty("functionName").GetString());
        Assert.Equal("req-1", response.GetProperty("requestId").GetString());
        Assert.Equal(DqeVersion.Current, response.GetProperty("version").GetString());
        Assert.Equal(30_000, response.GetProperty("remainingMs").GetInt64());
    }

    [Fact]
    public void HandlerShape_PingRequest_ListsEveryFieldWithItsType()
    {
        var handler = HandlerRegistry.Find("dqe.ping")!.Create(HostFixtures.Services(_time));

        Assert.Equal("{ note: string?, delayMs: int, fail: bool }", HandlerShape.Describe(handler.RequestType));
    }

    private Task<HandlerResult> Run(string payload) =>
        HostFixtures.Runner("dqe.ping", _time, _output)
            .RunAsync(new InvocationRequest("req-1", _time.GetUtcNow().AddSeconds(30), Encoding.UTF8.GetBytes(payload)), CancellationToken.None);
}
