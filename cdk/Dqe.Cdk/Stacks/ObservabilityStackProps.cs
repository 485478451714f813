using Amazon.CDK;
using Dqe.Cdk.Config;
using Dqe.Cdk.Platform;
using Dqe.Cdk.Security;

namespace Dqe.Cdk.Stacks;

/// <param name="config">The environment's configuration.</param>
/// <param name="network">The platform VPC (the log domain's subnets).</param>
/// <param name="cluster">The platform EKS cluster everything here runs on.</param>
/// <param name="secretsOperator">The shared External Secrets operator (platform stack) the synced secrets go through.</param>
public sealed class ObservabilityStackProps(DqeConfig config, Network network, KubernetesCluster cluster, SecretsOperator secretsOperator) : StackProps
{
    public DqeConfig Config { get; } = config;

    public Network Network { get; } = network;

    public KubernetesCluster Cluster { get; } = cluster;

    public SecretsOperator SecretsOperator { get; } = secretsOperator;

    /// <summary>Where Alertmanager posts remediation alerts: the Automation stack's private API (replaces alerting.remediationWebhookUrl).</summary>
    public string? RemediationWebhookUrl { get; init; }

    /// <summary>The Automation stack's rotation function: with it, the Grafana admin secret rotates on the engines' schedule.</summary>
    public string? RotationFunctionArn { get; init; }
}
