using Amazon.CDK;
using Constructs;
using Dqe.Cdk.Engines;

namespace Dqe.Cdk.Stacks;

/// <summary>Query engines and data services on the platform's cluster: Trino, ClickHouse, Spark, Kafka, optional MinIO, and their guard rails.</summary>
public sealed class EnginesStack : Stack
{
    public EnginesStack(Construct scope, string id, EnginesStackProps props)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(props);
        var config = props.Config;
        var engines = config.Engines;
        var cluster = props.Cluster.Cluster;
        var lake = props.Lake;
        var removal = config.Ephemeral ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
        var withMinIo = config.Lake.Store == "minio";

        Endpoints = EngineEndpoints.For(config.Env);
        Namespaces = new EngineNamespaces(this, "Namespaces", new EngineNamespacesProps(cluster, withMinIo));
        Secrets = new SecretsSync(this, "Secrets", new SecretsSyncProps(cluster, props.SecretsOperator, Namespaces));
        Certificates = new EngineCertificates(this, "Certificates", new EngineCertificatesProps(cluster, engines.CertManagerChartVersion, config.Env, Namespaces, Secrets));
        SecretsKey = new EngineSecretsKey(this, "SecretsKey", new EngineSecretsKeyProps(config.Env, config.Ephemeral));
        var context = new EngineContext(cluster, config.Env, engines.Monitoring, Namespaces, Secrets, removal, Endpoints, SecretsKey.Key);
        Kafka = new Kafka(this, "Kafka", new KafkaProps(context, engines.Kafka, engines.Trino.KafkaTables));
        MinIo = withMinIo ? new MinIo(this, "MinIo", new MinIoProps(context, engines.MinIo, config.Region)) : null;
        Store = MinIo?.Store ?? new LakeStore(lake.LakeBucket.BucketName, lake.BackupsBucket.BucketName, config.Region, Endpoint: null, Credentials: null,
            lake.BackupsReplicaBucket?.BucketName);

        Users = new EngineUsers(this, "Users", new EngineUsersProps(context, engines.Users, config.Network.Cidr));
        Trino = new Trino(this, "Trino", new TrinoProps(context, engines.Trino, lake, Store, Certificates) { Users = Users });
        ClickHouse = new ClickHouse(this, "ClickHouse", new ClickHouseProps(context, engines.ClickHouse, lake, Store, Certificates, engines.Spark.IngestionTable) { Users = Users });
        Spark = new SparkOperator(this, "Spark", new SparkOperatorProps(context, engines.Spark, engines.Kafka, lake, Store));

        Recommendations = engines.Vpa.Enabled
            ? new ResourceRecommendations(this, "Recommendations", new ResourceRecommendationsProps(cluster, engines.Vpa, engines, Namespaces))
            : null;

        var vpc = props.Network.Vpc;
        Dns = new EngineDns(this, "Dns", new EngineDnsProps(cluster, vpc, Endpoints, config.Env, engines.ExternalDnsChartVersion, Namespaces));
        NetworkPolicies = new EngineNetworkPolicies(this, "NetworkPolicies", new EngineNetworkPoliciesProps(
            cluster, Namespaces, [.. vpc.PrivateSubnets.Select(s => s.Ipv4CidrBlock)], config.Network.Cidr, engines.Monitoring.Namespace,
            engines.Trino.Postgres.Port, engines.Trino.InternalTls.Enabled, engines.ClickHouse.InterserverTls.Enabled));
        Automation = new AutomationAccess(this, "Automation", new AutomationAccessProps(cluster, Namespaces, config.Env, vpc));
        // The functions query the engines as their users over TLS.
        Trino.Credentials.GrantRead(Automation.Role);
        ClickHouse.Credentials.GrantRead(Automation.Role);
        Certificates.GrantCaRead(Automation.Role);

        _ = new CfnOutput(this, "TrinoEndpoint", new CfnOutputProps { Value = Engines.Trino.Endpoint, Description = "In-cluster Trino coordinator, HTTPS (kubectl -n trino port-forward svc/trino-https 8443)" });
        _ = new CfnOutput(this, "ClickHouseEndpoint", new CfnOutputProps { Value = Engines.ClickHouse.Endpoint, Description = "In-cluster ClickHouse HTTPS endpoint" });
        _ = new CfnOutput(this, "TrinoCredentialsSecret", new CfnOutputProps { Value = Trino.Credentials.SecretArn });
        _ = new CfnOutput(this, "ClickHouseCredentialsSecret", new CfnOutputProps { Value = ClickHouse.Credentials.SecretArn });
        _ = new CfnOutput(this, "EnginesCaSecret", new CfnOutputProps { Value = Certificates.CaSecretName, Description = "Secrets Manager secret with the CA certificate of the engines' TLS endpoints" });
        _ = new CfnOutput(this, "KafkaBootstrap", new CfnOutputProps { Value = Engines.Kafka.Bootstrap });
        _ = new CfnOutput(this, "AutomationRoleArn", new CfnOutputProps { Value = Automation.Role.RoleArn });
        _ = new CfnOutput(this, "AutomationSecurityGroupId", new CfnOutputProps { Value = Automation.ClientSecurityGroup.SecurityGroupId });
    }

    public EngineNamespaces Namespaces { get; }

    public SecretsSync Secrets { get; }

    /// <summary>Customer key of every secret the engines generate (readers decrypt through Secrets Manager only).</summary>
    public EngineSecretsKey SecretsKey { get; }

    /// <summary>cert-manager and the engines CA (published to Secrets Manager for clients).</summary>
    public EngineCertificates Certificates { get; }

    public LakeStore Store { get; }

    public Kafka Kafka { get; }

    public MinIo? MinIo { get; }

    public Trino Trino { get; }

    /// <summary>People's engine users (engines.users) and their generated secrets.</summary>
    public EngineUsers Users { get; }

    public ClickHouse ClickHouse { get; }

    public SparkOperator Spark { get; }

    /// <summary>VPA recommender and the engines' VerticalPodAutoscalers (null when engines.vpa.enabled is false).</summary>
    public ResourceRecommendations? Recommendations { get; }

    public EngineNetworkPolicies NetworkPolicies { get; }

    /// <summary>Where the automation functions reach Trino and ClickHouse from the VPC.</summary>
    public EngineEndpoints Endpoints { get; }

    /// <summary>The private zone and ExternalDNS that make <see cref="Endpoints"/> resolve in the VPC.</summary>
    public EngineDns Dns { get; }

    /// <summary>Role and Kubernetes RBAC for the automation functions.</summary>
    public AutomationAccess Automation { get; }
}
