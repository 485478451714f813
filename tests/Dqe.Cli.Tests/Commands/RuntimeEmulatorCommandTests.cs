using System.CommandLine;
using System.Net;
using System.Text.RegularExpressions;

namespace Dqe.Cli.Tests.Commands;

public partial class RuntimeEmulatorCommandTests
{
    [Fact]
    public async Task RuntimeEmulator_RuntimeAnswersEachEvent_PrintsOneOutcomeLineEach()
    {
        using var stdout = new StringWriter();
        var stderr = new AddressWatcher();
        var run = DqeCommandLine.Build().Parse(["runtime-emulator", "--event", "assets/events/ping.json", "--count", "2"])
            .InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        using var http = new HttpClient { BaseAddress = new Uri($"http://{await stderr.Address.Task.WaitAsync(TimeSpan.FromMinutes(1))}/2018-06-01/") };

        for (var i = 0; i < 2; i++)
        {
            using var next = await http.GetAsync(new Uri("runtime/invocation/next", UriKind.Relative));
            var id = next.Headers.GetValues("Lambda-Runtime-Aws-Request-Id").Single();
            Assert.Contains("from a file", await next.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var path = i == 0 ? $"runtime/invocation/{id}/response" : $"runtime/invocation/{id}/error";
            using var posted = await http.PostAsync(new Uri(path, UriKind.Relative), new StringContent("""{"n":1}"""));
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        Assert.Equal(1, await run);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches("^Response [0-9a-f-]{36} - \\{\"n\":1\\}$", lines[0]);
        Assert.StartsWith("Error ", lines[1], StringComparison.Ordinal);
    }

    [GeneratedRegex("AWS_LAMBDA_RUNTIME_API=(\\S+)")]
    private static partial Regex AddressLine();

    /// <summary>Captures stderr and completes <see cref="Address"/> once the emulator announces itself.</summary>
    private sealed class AddressWatcher : StringWriter
    {
        public TaskCompletionSource<string> Address { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override Task WriteLineAsync(string? value)
        {
            if (value is not null && AddressLine().Match(value) is { Success: true } match)
            {
                Address.TrySetResult(match.Groups[1].Value);
            }

            return base.WriteLineAsync(value);
        }
    }
}
