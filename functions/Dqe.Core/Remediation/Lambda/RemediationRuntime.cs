using Dqe.Core.Remediation.Actions;
using Dqe.Core.Remediation.Guardrails;
using Dqe.Core.Remediation.Webhook;

namespace Dqe.Core.Remediation.Lambda;

/// <summary>What the remediation handlers share, built once per function process by <see cref="RemediationSetup"/> (or a test).</summary>
/// <param name="Services">Options, runbooks, guardrail store, audit, dispatcher (StartExecution) and clock.</param>
/// <param name="Executor">The act step.</param>
/// <param name="Verifier">The verify step.</param>
/// <param name="Escalator">Pages a human (SNS).</param>
/// <param name="Tokens">The currently valid bearer tokens (read from Secrets Manager, cached by the store).</param>
public sealed record RemediationRuntime(
    RemediationServices Services,
    RemediationExecutor Executor,
    RemediationVerifier Verifier,
    IEscalator Escalator,
    Func<CancellationToken, Task<BearerTokenValidator>> Tokens)
{
    /// <summary>Wires the pieces one way for the functions and the tests: one runbook registry, store and audit shared by every step.</summary>
    public static RemediationRuntime Compose(
        RemediationOptions options, IGuardrailStore store, IAuditLog audit, IClusterActions cluster, IEngineActions engines,
        IRemediationDispatcher dispatcher, Func<IAuditLog, IEscalator> escalator, IAlertSource? source,
        Func<CancellationToken, Task<BearerTokenValidator>> tokens, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(escalator);
        options.Validate();
        var runbooks = new RunbookRegistry(options, cluster, engines);
        return new RemediationRuntime(
            new RemediationServices(options, runbooks, store, audit, dispatcher, time),
            new RemediationExecutor(runbooks, store, audit, time),
            new RemediationVerifier(store, source, runbooks, audit, time),
            escalator(audit),
            tokens);
    }
}
