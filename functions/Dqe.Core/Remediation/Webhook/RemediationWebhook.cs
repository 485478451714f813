namespace Dqe.Core.Remediation.Webhook;

/// <summary>
/// The webhook entry point shared by the Lambda handler and <c>dqe remediate serve</c>: authenticate, parse, decide
/// per alert, audit every decision, dispatch the actionable ones. Never throws for bad input: the reply carries
/// 401/400/413 (nothing decided) or 503 when the guardrail store fails (Alertmanager retries 5xx, not 4xx).
/// </summary>
public sealed class RemediationWebhook
{
    private readonly BearerTokenValidator _auth;
    private readonly WebhookParser _parser;
    private readonly RemediationDecider _decider;
    private readonly RemediationServices _services;

    public RemediationWebhook(BearerTokenValidator auth, RemediationServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Options.Validate();
        _auth = auth;
        _services = services;
        _parser = new WebhookParser(services.Options);
        _decider = new RemediationDecider(services.Options, services.Runbooks, services.Store, services.Time);
    }

    public async Task<WebhookReply> HandleAsync(string? authorization, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        IReadOnlyList<ValidAlert> alerts;
        try
        {
            _auth.Authenticate(authorization);
            alerts = _parser.Parse(body.Span);
        }
        catch (WebhookRejectedException e)
        {
            return new WebhookReply(e.StatusCode, e.Message, e.Field, []);
        }

        var decisions = new List<DecisionSummary>(alerts.Count);
        try
        {
            foreach (var alert in alerts)
            {
                var decision = await _decider.DecideAsync(alert, cancellationToken).ConfigureAwait(false);
                await _services.Audit.AppendAsync(
                    RemediationAudit.Of(decision, "decide", decision.Outcome, decision.Reason, _services.Time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                decisions.Add(DecisionSummary.From(decision));
                if (decision.Outcome is DecisionOutcome.Act or DecisionOutcome.Escalate)
                {
                    await DispatchAsync(decision, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Transient store/dispatch trouble: 503 makes Alertmanager retry; the cooldown keeps retries idempotent.
            return new WebhookReply(503, $"remediation temporarily unavailable: {e.GetType().Name}: {e.Message}", null, decisions);
        }

        return new WebhookReply(200, null, null, decisions);
    }

    // A decision that was never carried out gives its cooldown slot back; otherwise Alertmanager's retry of the
    // 503 would be acknowledged as a duplicate and the alert never handled.
    private async Task DispatchAsync(RemediationDecision decision, CancellationToken cancellationToken)
    {
        try
        {
            await _services.Dispatcher.DispatchAsync(decision, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (decision.CooldownKey is { } key)
        {
            await _services.Store.ReleaseCooldownAsync(key, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }
}
