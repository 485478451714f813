namespace Dqe.Core.Remediation;

/// <summary>The outcomes a decision or step can record (kebab-case, as they appear in audit records and logs).</summary>
public static class DecisionOutcome
{
    /// <summary>Guardrails passed: the action runs.</summary>
    public const string Act = "act";

    /// <summary>Guardrails passed but dry-run is on: recorded, nothing changed.</summary>
    public const string DryRun = "dry-run";

    /// <summary>Same (alert, target) within the cooldown: acknowledged and ignored.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>No automatic action (none, unknown action, missing target, guardrail): a human is paged.</summary>
    public const string Escalate = "escalate";

    /// <summary>The alert resolved: in-flight remediation ends, nothing new starts.</summary>
    public const string Resolved = "resolved";

    public const string Succeeded = "succeeded";

    public const string Failed = "failed";
}
