using Dqe.Core.Hosting;

namespace Dqe.Core.Remediation.Lambda;

/// <summary>The one check every step does on its input: the run carries the webhook's decision with its alert.</summary>
internal static class RemediationRunChecks
{
    public static RemediationDecision Decision(RemediationRun run) =>
        run.Decision is { Alert: not null } decision ? decision : throw new InvalidRequestException("$.decision", "is required: the webhook's decision with its alert");
}
