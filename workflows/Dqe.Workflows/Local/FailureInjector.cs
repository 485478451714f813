namespace Dqe.Workflows.Local;

/// <summary>Fails one named Task state (every attempt) and passes everything else to the inner router.</summary>
public sealed class FailureInjector(ITaskRouter inner, string failAt) : ITaskRouter
{
    /// <summary>The error injected; not retried by the Dqe retry policy, so the failure path runs at once.</summary>
    public const string InjectedError = "Dqe.InjectedFailure";

    public Task<TaskOutcome> InvokeAsync(TaskCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return string.Equals(call.State, failAt, StringComparison.Ordinal)
            ? Task.FromResult(TaskOutcome.Failure(InjectedError, $"failure injected into '{failAt}'"))
            : inner.InvokeAsync(call, cancellationToken);
    }
}
