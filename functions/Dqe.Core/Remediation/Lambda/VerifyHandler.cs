using Dqe.Core.Hosting;

namespace Dqe.Core.Remediation.Lambda;

/// <summary><c>dqe.remediation.verify</c>: after the workflow's wait, has the alert recovered?</summary>
internal sealed class VerifyHandler : FunctionHandler<RemediationRun, VerifyResult>
{
    private readonly Lazy<RemediationRuntime> _runtime;

    public VerifyHandler(Func<RemediationRuntime> runtime)
        : base(RemediationLambdaJsonContext.Default.RemediationRun, RemediationLambdaJsonContext.Default.VerifyResult)
    {
        _runtime = new(runtime);
    }

    protected override async Task<VerifyResult> HandleAsync(RemediationRun request, InvocationContext context, CancellationToken cancellationToken)
    {
        var result = await _runtime.Value.Verifier.VerifyAsync(RemediationRunChecks.Decision(request), cancellationToken).ConfigureAwait(false);
        context.Metrics.Add("RemediationRecovered", result.Recovered ? 1 : 0, Hosting.Telemetry.MetricUnit.Count);
        return result;
    }
}
