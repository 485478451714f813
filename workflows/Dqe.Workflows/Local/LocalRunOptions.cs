namespace Dqe.Workflows.Local;

/// <summary>How to run a workflow locally.</summary>
public sealed record LocalRunOptions
{
    /// <summary>Wait states last this many ms instead of their definition (null = as defined). Default 0: drills poll instantly.</summary>
    public int? WaitMilliseconds { get; init; } = 0;

    /// <summary>Pause between Retry attempts in ms (null = as defined, with backoff and jitter). Default 0.</summary>
    public int? RetryMilliseconds { get; init; } = 0;

    /// <summary>Upper bound of the whole local run; the runner is stopped and reports a timeout past it.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    public LocalRunOptions Validate()
    {
        if (WaitMilliseconds < 0 || RetryMilliseconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(WaitMilliseconds), "wait and retry overrides must be >= 0 ms");
        }

        return Timeout > TimeSpan.Zero ? this : throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "timeout must be positive");
    }
}
