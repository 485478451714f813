using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.OpenSearchService;
using Constructs;
using Dqe.Cdk.Platform;
using Dqe.Cdk.Security;

namespace Dqe.Cdk.Observability;

/// <summary>
/// The Amazon OpenSearch domain for logs: private subnets only, HTTPS from the cluster only, encrypted at rest
/// (customer key) and node to node, TLS 1.2 enforced, fine-grained access control with a generated master user.
/// </summary>
public sealed class LogDomain : Construct
{
    public LogDomain(Construct scope, string id, LogDomainProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var config = props.Config;
        var removal = props.Ephemeral ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
        var key = CustomerKey.Create(this, props.EnvName, "logs", "encrypts the OpenSearch log domain at rest", props.Ephemeral);

        SecurityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps
        {
            Vpc = props.Vpc,
            Description = $"Dqe {props.EnvName} OpenSearch: HTTPS from the EKS cluster only",
            AllowAllOutbound = false,
        });
        SecurityGroup.AddIngressRule(Peer.SecurityGroupId(props.ClientSecurityGroupId), Port.Tcp(443), "HTTPS from EKS nodes and pods");

        var appLogs = new LogGroup(this, "AppLogs", new LogGroupProps
        {
            Retention = Retention.From(props.LogRetentionDays),
            RemovalPolicy = RemovalPolicy.DESTROY,
        });

        var zones = config.DataNodes == 1 ? 1 : props.Zones.Count;
        Domain = new Domain(this, "Domain", new DomainProps
        {
            DomainName = $"dqe-{props.EnvName}-logs",
            Version = EngineVersion.OpenSearch(config.OpenSearchVersion),
            Vpc = props.Vpc,
            VpcSubnets = [new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS, AvailabilityZones = [.. props.Zones.Take(zones)] }],
            SecurityGroups = [SecurityGroup],
            Capacity = new CapacityConfig
            {
                DataNodes = config.DataNodes,
                DataNodeInstanceType = config.DataNodeInstanceType,
                MultiAzWithStandbyEnabled = false,
            },
            ZoneAwareness = zones > 1
                ? new ZoneAwarenessConfig { Enabled = true, AvailabilityZoneCount = zones }
                : new ZoneAwarenessConfig { Enabled = false },
            Ebs = new EbsOptions { Enabled = true, VolumeSize = config.VolumeSizeGb, VolumeType = EbsDeviceVolumeType.GP3 },
            EncryptionAtRest = new EncryptionAtRestOptions { Enabled = true, KmsKey = key },
            NodeToNodeEncryption = true,
            EnforceHttps = true,
            TlsSecurityPolicy = TLSSecurityPolicy.TLS_1_2,
            FineGrainedAccessControl = new AdvancedSecurityOptions
            {
                MasterUserName = ObservabilitySecrets.OpenSearchMasterUser,
                MasterUserPassword = props.MasterUser.SecretValueFromJson("password"),
            },
            // Fine-grained access control authorizes each request; IAM only has to let the account's principals in.
            AccessPolicies =
            [
                new PolicyStatement(new PolicyStatementProps
                {
                    Principals = [new AccountRootPrincipal()],
                    Actions = ["es:ESHttp*"],
                    Resources = [$"arn:{Aws.PARTITION}:es:{Aws.REGION}:{Aws.ACCOUNT_ID}:domain/dqe-{props.EnvName}-logs/*"],
                }),
            ],
            Logging = new LoggingOptions { AppLogEnabled = true, AppLogGroup = appLogs },
            RemovalPolicy = removal,
        });
    }

    public Domain Domain { get; }

    public SecurityGroup SecurityGroup { get; }

    /// <summary>Index and read documents over HTTPS (es:ESHttp* on this domain only); FGAC role mapping does the rest.</summary>
    public Grant GrantWrite(IGrantable grantee) => Grant.AddToPrincipal(new GrantOnPrincipalOptions
    {
        Grantee = grantee,
        Actions = ["es:ESHttpGet", "es:ESHttpHead", "es:ESHttpPost", "es:ESHttpPut"],
        ResourceArns = [Domain.DomainArn, $"{Domain.DomainArn}/*"],
    });
}
