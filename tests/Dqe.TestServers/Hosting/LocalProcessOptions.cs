namespace Dqe.TestServers.Hosting;

/// <summary>How <see cref="LocalProcess"/> runs one throwaway server binary on 127.0.0.1 ports of its own.</summary>
public sealed record LocalProcessOptions
{
    /// <summary>Absolute path of the binary; a missing one is a hard failure naming <see cref="Package"/>, never a skip.</summary>
    public required string Binary { get; init; }

    /// <summary>The Debian package that installs <see cref="Binary"/> (for the error message).</summary>
    public required string Package { get; init; }

    /// <summary>How many distinct ports the process binds; the first one serves <see cref="LocalProcess.BaseUri"/>.</summary>
    public int Ports { get; init; } = 1;

    /// <summary>Writes the process's files under its temp root for its ports and returns its arguments.</summary>
    public required Func<string, IReadOnlyList<int>, IReadOnlyList<string>> Prepare { get; init; }

    /// <summary>True once the process serves (probed every 100 ms); the probe may also check it is this process that answers.</summary>
    public required Func<HttpClient, LocalProcess, Task<bool>> ReadyAsync { get; init; }

    /// <summary>A log file under the root whose tail explains a failure (servers that log to a file, not the console); null = none.</summary>
    public string? ErrorLog { get; init; }

    /// <summary>How long the process may take to become ready. Default 60 s (a loaded 2-core CI runner).</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
