using Amazon.CDK;
using Constructs;
using Dqe.Cdk.Platform;
using Dqe.Cdk.Security;

namespace Dqe.Cdk.Stacks;

/// <summary>Network, EKS cluster with its node groups and add-ons (including the External Secrets operator), the data lake, and the audit trail over it.</summary>
public sealed class PlatformStack : Stack
{
    public PlatformStack(Construct scope, string id, PlatformStackProps props)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(props);
        var config = props.Config;
        Network = new Network(this, "Network", new NetworkProps(config.Network, config.LogRetentionDays));
        Lake = new DataLake(this, "Lake", new DataLakeProps(config.Lake, config.Env, config.Ephemeral));
        BackupReplication = new BackupReplication(this, "BackupReplication", new BackupReplicationProps(Lake, config.Backup, config.Env));
        Cluster = new KubernetesCluster(this, "Eks", new KubernetesClusterProps(
            Network.Vpc, config.Cluster, config.NodeGroups, config.Env, config.LogRetentionDays, config.Ephemeral));

        Secrets = new SecretsOperator(this, "SecretsOperator", new SecretsOperatorProps(Cluster.Cluster, config.Cluster.ExternalSecretsChartVersion, config.Region));

        Audit = new Audit(this, "Audit", new AuditProps(config.Security, config.Env, Lake.Key, Lake.AccessLogsBucket,
            [Lake.LakeBucket, Lake.BackupsBucket], Lake.LakeBucket));

        _ = new CfnOutput(this, "ClusterName", new CfnOutputProps { Value = Cluster.ClusterName });
        _ = new CfnOutput(this, "KubeconfigCommand", new CfnOutputProps
        {
            Value = $"aws eks update-kubeconfig --region {config.Region} --name {Cluster.ClusterName}",
        });
        _ = new CfnOutput(this, "LakeBucket", new CfnOutputProps { Value = Lake.LakeBucket.BucketName });
        _ = new CfnOutput(this, "ReportsBucket", new CfnOutputProps { Value = Lake.ReportsBucket.BucketName });
    }

    public Network Network { get; }

    public DataLake Lake { get; }

    /// <summary>Cross-region replication of the backups bucket (source side) or the replica bucket (target side).</summary>
    public BackupReplication BackupReplication { get; }

    public KubernetesCluster Cluster { get; }

    public Audit Audit { get; }

    /// <summary>The environment's one External Secrets operator, shared by the engines and observability stacks.</summary>
    public SecretsOperator Secrets { get; }
}
