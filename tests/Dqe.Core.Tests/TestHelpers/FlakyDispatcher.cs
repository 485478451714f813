using Dqe.Core.Remediation;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>A dispatcher whose first <see cref="FailuresLeft"/> calls throw (e.g. StartExecution unreachable); records the rest.</summary>
public sealed class FlakyDispatcher : IRemediationDispatcher
{
    public int FailuresLeft { get; set; }

    public List<RemediationDecision> Dispatched { get; } = [];

    public Task DispatchAsync(RemediationDecision decision, CancellationToken cancellationToken)
    {
        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new HttpRequestException("states.eu-west-1.amazonaws.com: connection reset");
        }

        Dispatched.Add(decision);
        return Task.CompletedTask;
    }
}
