using Dqe.Core.Hosting;

namespace Dqe.Core.Remediation.Lambda;

/// <summary>Environment variables of the remediation functions, set by the CDK Remediation construct and read by <see cref="RemediationSetup"/>.</summary>
public static class RemediationVariables
{
    /// <summary>The guardrail + audit table (<c>pk</c>/<c>sk</c>, TTL <c>ttl</c>).</summary>
    public const string Table = "DQE_REMEDIATION_TABLE";

    /// <summary>ARN of the KMS-encrypted SNS topic escalations are published to.</summary>
    public const string TopicArn = "DQE_REMEDIATION_TOPIC_ARN";

    /// <summary>ARN of the remediation state machine the webhook starts.</summary>
    public const string StateMachineArn = "DQE_REMEDIATION_STATE_MACHINE_ARN";

    /// <summary>Name of the secret <c>{"token": ..., "previousToken": ...}</c> whose tokens the webhook accepts.</summary>
    public const string TokenSecret = "DQE_REMEDIATION_TOKEN_SECRET";

    /// <summary>Optional Prometheus base URL the verify step asks whether the alert still fires (overrides <see cref="PrometheusService"/>).</summary>
    public const string PrometheusUrl = FunctionVariables.PrometheusUrl;

    /// <summary>Prometheus' service (<c>namespace/scheme:name:port</c>) the verify step reaches through the API server proxy.</summary>
    public const string PrometheusService = FunctionVariables.PrometheusService;

    /// <summary>"true": decide and audit, change nothing.</summary>
    public const string DryRun = "DQE_REMEDIATION_DRY_RUN";
}
