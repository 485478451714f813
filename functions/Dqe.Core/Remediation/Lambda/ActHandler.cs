using Dqe.Core.Hosting;

namespace Dqe.Core.Remediation.Lambda;

/// <summary><c>dqe.remediation.act</c>: runs the decided runbook; a failed runbook is a result (outcome failed), not an error.</summary>
internal sealed class ActHandler : FunctionHandler<RemediationRun, AuditRecord>
{
    private readonly Lazy<RemediationRuntime> _runtime;

    public ActHandler(Func<RemediationRuntime> runtime)
        : base(RemediationLambdaJsonContext.Default.RemediationRun, RemediationLambdaJsonContext.Default.AuditRecord)
    {
        _runtime = new(runtime);
    }

    protected override Task<AuditRecord> HandleAsync(RemediationRun request, InvocationContext context, CancellationToken cancellationToken) =>
        _runtime.Value.Executor.ActAsync(RemediationRunChecks.Decision(request), cancellationToken);
}
