using Dqe.Core.Remediation;
using Dqe.Core.Remediation.Actions;
using Dqe.Core.Remediation.Guardrails;
using Dqe.Core.Remediation.Webhook;

namespace Dqe.Cli.Remediation;

/// <summary>Builds the webhook for local use: in-memory guardrails and audit, inline acting, escalation as audit records.</summary>
internal static class LocalRemediation
{
    public static (RemediationWebhook Webhook, InMemoryAuditLog Audit) Build(
        RemediationOptions options, BearerTokenValidator auth, IClusterActions cluster, Action<AuditRecord>? sink)
    {
        var audit = new InMemoryAuditLog(sink);
        var store = new InMemoryGuardrailStore();
        var runbooks = new RunbookRegistry(options, cluster, new UnconfiguredEngineActions());
        var executor = new RemediationExecutor(runbooks, store, audit, TimeProvider.System);
        var dispatcher = new InlineRemediationDispatcher(executor, new AuditingEscalator(audit, TimeProvider.System));
        return (new RemediationWebhook(auth, new RemediationServices(options, runbooks, store, audit, dispatcher, TimeProvider.System)), audit);
    }
}
