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
    Func<CancellationToken, Task<BearerTokenValidator>> Tokens);
