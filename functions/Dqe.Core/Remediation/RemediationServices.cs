using Dqe.Core.Remediation.Actions;
using Dqe.Core.Remediation.Guardrails;

namespace Dqe.Core.Remediation;

/// <summary>The dependencies of the webhook, grouped so hosts (Lambda, CLI server, tests) build them once.</summary>
public sealed record RemediationServices(
    RemediationOptions Options,
    RunbookRegistry Runbooks,
    IGuardrailStore Store,
    IAuditLog Audit,
    IRemediationDispatcher Dispatcher,
    TimeProvider Time);
