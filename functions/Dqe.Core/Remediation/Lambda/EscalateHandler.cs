using Dqe.Core.Hosting;

namespace Dqe.Core.Remediation.Lambda;

/// <summary>
/// <c>dqe.remediation.escalate</c>: pages a human with what was tried (the act result, the verify verdict or the
/// caught error). An alert that resolved meanwhile ends the escalation: audited, nobody paged.
/// </summary>
internal sealed class EscalateHandler : FunctionHandler<RemediationRun, EscalationResult>
{
    private readonly Lazy<RemediationRuntime> _runtime;

    public EscalateHandler(Func<RemediationRuntime> runtime)
        : base(RemediationLambdaJsonContext.Default.RemediationRun, RemediationLambdaJsonContext.Default.EscalationResult)
    {
        _runtime = new(runtime);
    }

    protected override async Task<EscalationResult> HandleAsync(RemediationRun request, InvocationContext context, CancellationToken cancellationToken)
    {
        var decision = RemediationRunChecks.Decision(request);
        var runtime = _runtime.Value;
        var services = runtime.Services;
        if (await services.Store.GetResolvedAtAsync(decision.Alert.Fingerprint, cancellationToken).ConfigureAwait(false) is { } resolvedAt
            && resolvedAt >= decision.Alert.StartsAt)
        {
            var reason = $"alert resolved at {resolvedAt:O}: escalation ended, nobody paged";
            await services.Audit.AppendAsync(RemediationAudit.Of(decision, "escalate", DecisionOutcome.Resolved, reason, services.Time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            return new EscalationResult(false, reason);
        }

        var tried = Tried(request, decision);
        await runtime.Escalator.EscalateAsync(decision, tried, cancellationToken).ConfigureAwait(false);
        context.Metrics.Add("RemediationEscalated", 1, Hosting.Telemetry.MetricUnit.Count);
        return new EscalationResult(true, tried);
    }

    /// <summary>What the human is told was tried, from the furthest step the run reached.</summary>
    internal static string Tried(RemediationRun run, RemediationDecision decision) => run switch
    {
        { Error: { } error } => $"{(run.Act is { } act ? act.Reason + "; then " : "")}a step failed: {error.Error}: {error.Cause}",
        { Verify: { Recovered: false } verify, Act: { } acted } => $"{acted.Reason}; after {run.VerifyAfterSeconds} s not recovered: {verify.Reason}",
        { Act: { } act } => act.Reason,
        _ => $"nothing: {decision.Reason}",
    };
}
