using System.CommandLine;
using System.Globalization;
using Dqe.TestServers.Hosting;
using Microsoft.AspNetCore.Connections;

namespace Dqe.Cli.Tests.TestHelpers;

/// <summary>
/// <c>dqe remediate serve --dry-run</c> run in-process on a free loopback port until stopped. It binds a fixed
/// port (HttpListener has no port 0), so a port a parallel test took first means a fresh one.
/// </summary>
internal sealed class RemediateServe : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task<int> _run;

    private RemediateServe(CancellationTokenSource stop, Task<int> run, int port)
    {
        _stop = stop;
        _run = run;
        Uri = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri Uri { get; }

    /// <summary>Started and answering <c>/healthz</c>; audit records go to <paramref name="output"/>.</summary>
    public static Task<RemediateServe> StartAsync(string tokenFile, TextWriter output, ILoopbackPorts? ports = null) =>
        LoopbackPortRetry.StartAsync(1, chosen => TryStartAsync(chosen[0], tokenFile, output), ports);

    /// <summary>Stops the server and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await _run;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private static async Task<RemediateServe> TryStartAsync(int port, string tokenFile, TextWriter output)
    {
        var error = new StringWriter();
        var stop = new CancellationTokenSource();
        var run = DqeCommandLine.Build()
            .Parse(["remediate", "serve", "--port", port.ToString(CultureInfo.InvariantCulture), "--token-file", tokenFile, "--dry-run"])
            .InvokeAsync(new InvocationConfiguration { Output = TextWriter.Synchronized(output), Error = TextWriter.Synchronized(error) }, stop.Token);
        var server = new RemediateServe(stop, run, port);
        using var http = new HttpClient();
        string state;
        try
        {
            state = await Poll.UntilAsync(
                async () => run.IsCompleted ? "exited" : (await http.GetAsync(new Uri(server.Uri, "healthz"))).IsSuccessStatusCode ? "up" : null,
                TimeSpan.FromSeconds(30),
                "dqe remediate serve");
        }
        catch (TimeoutException)
        {
            await server.DisposeAsync();
            throw;
        }

        if (state == "up")
        {
            return server;
        }

        var message = $"dqe remediate serve on {server.Uri} exited with {await run} before answering /healthz: {error}";
        stop.Dispose();
        throw message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) ? new AddressInUseException(message) : new InvalidOperationException(message);
    }
}
