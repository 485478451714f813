using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Connections;

namespace Dqe.TestServers.Hosting;

/// <summary>
/// A throwaway server binary (clickhouse-server, prometheus, alertmanager) on 127.0.0.1 ports of its own with its files
/// in a temp root: started, probed until ready, and on "address already in use" (a parallel test took a chosen port
/// before the process bound it) started again on fresh ports. Disposing kills it and deletes the root.
/// </summary>
public sealed class LocalProcess : IAsyncDisposable
{
    private const int TailLines = 20;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private LocalProcess(Process process, string root, IReadOnlyList<int> ports)
    {
        _process = process;
        Root = root;
        Ports = ports;
        BaseUri = new Uri($"http://127.0.0.1:{ports[0]}/");
    }

    /// <summary>The temp directory holding the process's config and data.</summary>
    public string Root { get; }

    /// <summary>The ports it was given, in the order <see cref="LocalProcessOptions.Prepare"/> received them.</summary>
    public IReadOnlyList<int> Ports { get; }

    /// <summary><c>http://127.0.0.1:{first port}/</c>.</summary>
    public Uri BaseUri { get; }

    /// <param name="ports">Where ports come from; null = <see cref="FreeLoopbackPorts"/> (tests pass a taken one first).</param>
    public static Task<LocalProcess> StartAsync(LocalProcessOptions options, ILoopbackPorts? ports = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(options.Binary))
        {
            throw new InvalidOperationException($"{options.Binary} is not installed. Run scripts/setup.sh or: sudo apt-get install -y {options.Package}");
        }

        return LoopbackPortRetry.StartAsync(options.Ports, chosen => LaunchAsync(options, chosen), ports);
    }

    private static async Task<LocalProcess> LaunchAsync(LocalProcessOptions options, IReadOnlyList<int> ports)
    {
        var root = Directory.CreateTempSubdirectory($"dqe-{Path.GetFileName(options.Binary)}-").FullName;
        var start = new ProcessStartInfo(options.Binary)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            foreach (var argument in options.Prepare(root, ports))
            {
                start.ArgumentList.Add(argument);
            }

            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {options.Binary}.");
        }
        catch
        {
            Directory.Delete(root, recursive: true);
            throw;
        }

        var server = new LocalProcess(process, root, ports);
        process.OutputDataReceived += (_, e) => server.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => server.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await server.WaitReadyAsync(options).ConfigureAwait(false))
        {
            return server;
        }

        // Read the logs before disposing: that deletes the root with the error log in it.
        var state = process.HasExited ? $"exited with code {process.ExitCode} before it was ready" : $"was not ready within {options.ReadyTimeout.TotalSeconds:0} s";
        var message = $"{options.Binary} {state} at {server.BaseUri}. Log tail:\n{server.LogTail(options)}";
        await server.DisposeAsync().ConfigureAwait(false);
        throw message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
            ? new AddressInUseException(message)
            : new InvalidOperationException(message);
    }

    private async Task<bool> WaitReadyAsync(LocalProcessOptions options)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + options.ReadyTimeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                // Still running after a good answer: a process that failed to bind may briefly outlive its error.
                if (await options.ReadyAsync(client, this).ConfigureAwait(false) && !_process.HasExited)
                {
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the probe's timeout.
            }

            // Waiting for an external process to come up; no logic under test depends on this delay.
            await Task.Delay(100).ConfigureAwait(false);
        }

        return false;
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > TailLines)
        {
            _output.TryDequeue(out _);
        }
    }

    private string LogTail(LocalProcessOptions options)
    {
        var console = _output.IsEmpty ? "(no console output)" : string.Join('\n', _output);
        if (options.ErrorLog is null)
        {
            return console;
        }

        var log = Path.Combine(Root, options.ErrorLog);
        return (File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(TailLines)) : $"(no {options.ErrorLog})") + "\n" + console;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the dying process; leftover temp files are harmless, the next run uses a new directory.
        }
    }
}
