namespace Dqe.Core.Remediation;

/// <summary>
/// Local stand-in for the state machine: acts at once and escalates when the action fails or the decision says
/// escalate. (Verification after a wait needs the alert source; the AWS workflow does it.)
/// </summary>
public sealed class InlineRemediationDispatcher : IRemediationDispatcher
{
    private readonly RemediationExecutor _executor;
    private readonly IEscalator _escalator;

    public InlineRemediationDispatcher(RemediationExecutor executor, IEscalator escalator)
    {
        _executor = executor;
        _escalator = escalator;
    }

    public async Task DispatchAsync(RemediationDecision decision, CancellationToken cancellationToken)
    {
        if (decision.Outcome == DecisionOutcome.Escalate)
        {
            await _escalator.EscalateAsync(decision, $"nothing: {decision.Reason}", cancellationToken).ConfigureAwait(false);
            return;
        }

        var result = await _executor.ActAsync(decision, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == DecisionOutcome.Failed)
        {
            await _escalator.EscalateAsync(decision, result.Reason, cancellationToken).ConfigureAwait(false);
        }
    }
}
