using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Constructs;
using Dqe.Cdk.Config;
using Dqe.Cdk.Platform;

namespace Dqe.Cdk.Engines;

/// <summary>What every engine construct builds on: the cluster, its namespaces, secret sync and environment policies.</summary>
/// <param name="Cluster">The cluster.</param>
/// <param name="EnvName">Environment name, part of generated secret names.</param>
/// <param name="Monitoring">Whether and how to create ServiceMonitors/PodMonitors.</param>
/// <param name="Namespaces">The engine namespaces; everything namespaced depends on them.</param>
/// <param name="Secrets">Syncs Secrets Manager secrets and Kafka client certificates into namespaces.</param>
/// <param name="Removal">What happens to generated secrets when the stack is deleted.</param>
/// <param name="Endpoints">The names the engines answer under in the VPC (their certificates carry them).</param>
/// <param name="SecretsKey">Customer key every generated engine secret is encrypted with (<see cref="EngineSecretsKey"/>).</param>
public sealed record EngineContext(
    Cluster Cluster, string EnvName, MonitoringConfig Monitoring, EngineNamespaces Namespaces, SecretsSync Secrets, RemovalPolicy Removal, EngineEndpoints Endpoints, IKey SecretsKey)
{
    /// <summary>A service account on IRSA, created once its namespace exists.</summary>
    public ServiceAccount ServiceAccount(Construct scope, string ns, string name)
    {
        var account = new ServiceAccount(scope, "ServiceAccount", new ServiceAccountProps { Cluster = Cluster, Name = name, Namespace = ns });
        account.Node.AddDependency(Namespaces.Manifest);
        return account;
    }

    /// <summary>Engines that transform lake data: read raw/, read and write curated/, and change tables of the Glue database.</summary>
    public static void GrantLakeTransform(DataLake lake, IGrantable grantee)
    {
        ArgumentNullException.ThrowIfNull(lake);
        lake.GrantLakeRead(grantee, DataLake.RawPrefix);
        lake.GrantLakeReadWrite(grantee, DataLake.CuratedPrefix);
        lake.GrantCatalogReadWrite(grantee);
    }
}
