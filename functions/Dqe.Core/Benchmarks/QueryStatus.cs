namespace Dqe.Core.Benchmarks;

/// <summary>How one query fared. Anything but Ok and Skipped fails the run.</summary>
public enum QueryStatus
{
    Ok,
    Skipped,
    Failed,
    WrongResult,
    TimedOut,
    Cancelled,
}
