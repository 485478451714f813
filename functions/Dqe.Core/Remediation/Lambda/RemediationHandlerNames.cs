namespace Dqe.Core.Remediation.Lambda;

/// <summary>The remediation handlers' registered names, shared by the registry, the workflow and the CDK app.</summary>
public static class RemediationHandlerNames
{
    /// <summary>API Gateway's POST /v1/alerts: authenticate, decide under guardrails, start one execution per actionable alert.</summary>
    public const string Webhook = "dqe.remediation.webhook";

    /// <summary>Runs the decided runbook (re-checking the alert has not resolved), feeds the breaker, audits.</summary>
    public const string Act = "dqe.remediation.act";

    /// <summary>After the wait: recovered when the alert resolved (or Prometheus no longer has it firing).</summary>
    public const string Verify = "dqe.remediation.verify";

    /// <summary>Pages a human over SNS with what was tried, unless the alert resolved meanwhile.</summary>
    public const string Escalate = "dqe.remediation.escalate";
}
