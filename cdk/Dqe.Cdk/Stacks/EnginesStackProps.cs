using Amazon.CDK;
using Dqe.Cdk.Config;
using Dqe.Cdk.Platform;
using Dqe.Cdk.Security;

namespace Dqe.Cdk.Stacks;

/// <summary>The config and the platform's typed members the engines build on.</summary>
public sealed class EnginesStackProps(DqeConfig config, KubernetesCluster cluster, DataLake lake, Network network, SecretsOperator secretsOperator) : StackProps
{
    public DqeConfig Config { get; } = config;

    public KubernetesCluster Cluster { get; } = cluster;

    public DataLake Lake { get; } = lake;

    public Network Network { get; } = network;

    /// <summary>The shared External Secrets operator the engines sync their secrets through.</summary>
    public SecretsOperator SecretsOperator { get; } = secretsOperator;
}
