namespace Dqe.Core.Benchmarks;

/// <summary>Overall run outcome; Failed reports are still written (partial) so the failure is visible.</summary>
public enum RunStatus
{
    Succeeded,
    Failed,
}
