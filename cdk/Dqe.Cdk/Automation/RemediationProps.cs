using Amazon.CDK.AWS.EC2;
using Dqe.Workflows.Building;

namespace Dqe.Cdk.Automation;

/// <param name="EnvName">Environment name (resource names, the token secret's name).</param>
/// <param name="Ephemeral">Data is deleted with the stack (dev); otherwise table and key are retained.</param>
/// <param name="Vpc">The platform VPC: the execute-api interface endpoint lives in its private subnets.</param>
/// <param name="StateMachine">The remediation state machine the webhook starts.</param>
/// <param name="Webhook">The function behind POST /v1/alerts.</param>
/// <param name="Steps">The functions of the state machine's act, verify and escalate handlers.</param>
/// <param name="EscalationHandler">Which of <paramref name="Steps"/> publishes to the escalation topic.</param>
/// <param name="LogRetentionDays">Retention of the API access log group.</param>
public sealed record RemediationProps(
    string EnvName,
    bool Ephemeral,
    IVpc Vpc,
    DqeStateMachine StateMachine,
    DqeFunction Webhook,
    IReadOnlyDictionary<string, DqeFunction> Steps,
    string EscalationHandler,
    int LogRetentionDays)
{
    /// <summary>Stage of the private API; the webhook URL is https://API.execute-api.REGION.amazonaws.com/STAGE/v1/alerts.</summary>
    public string StageName { get; init; } = "dqe";

    /// <summary>Email subscribed to the escalation topic; empty = none (<c>automation.escalationEmail</c>).</summary>
    public string EscalationEmail { get; init; } = "";

    /// <summary>Requests per second the API admits (Alertmanager sends one per alert group; bursts are retries).</summary>
    public int ThrottleRatePerSecond { get; init; } = 20;
}
