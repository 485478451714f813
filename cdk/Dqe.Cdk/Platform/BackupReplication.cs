using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace Dqe.Cdk.Platform;

/// <summary>
/// Cross-region replication of the backups bucket for full-region restores. The target environment
/// (backup.receivesReplica) owns a replica bucket with a deterministic name, <see cref="ReplicaBucketName"/>, encrypted
/// with its own data key (<see cref="DataLake.KeyAlias"/>); the source environment (backup.replicateTo) derives both from
/// the target's name, region and account (its own unless backup.replicateTo.account names another), so neither stack
/// reads the other's outputs across regions or accounts. Cross-account, the rule hands replica ownership to the
/// destination (AccessControlTranslation) and the target admits the role, by its fixed name, in its bucket and key policies.
/// The replication role reads only the source bucket and decrypts only with the source key through S3, and writes only
/// replicas into the target bucket with the target key. Delete markers are not replicated: a retention (or an
/// attacker) deleting in the primary does not delete the copy; the replica bucket expires objects by its own lifecycle.
/// Deploy the target environment first: S3 refuses a replication rule whose destination bucket does not exist.
/// </summary>
public sealed class BackupReplication : Construct
{
    public BackupReplication(Construct scope, string id, BackupReplicationProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var stack = Stack.Of(this);
        if (props.Backup.ReceivesReplica)
        {
            ReplicaBucket = props.Lake.AddBackupsReplicaBucket(ReplicaBucketName(props.EnvName, stack.Account));
            if (props.Backup.ReplicaSource is { } from)
            {
                AdmitSourceRole(stack, props.Lake, ReplicaBucket, from);
            }
        }

        if (props.Backup.ReplicateTo is not { } target)
        {
            return;
        }

        var source = props.Lake.BackupsBucket;
        // Another account: replicas become the destination's (owner override), its bucket and key policies admit this role by name.
        var crossAccount = target.Account.Length > 0;
        var targetAccount = crossAccount ? target.Account : stack.Account;
        var destinationArn = $"arn:{stack.Partition}:s3:::{ReplicaBucketName(target.Env, targetAccount)}";
        var destinationKeyAlias = DataLake.KeyAlias(target.Env);
        Role = new Role(this, "Role", new RoleProps
        {
            RoleName = RoleName(props.EnvName),
            AssumedBy = new ServicePrincipal("s3.amazonaws.com"),
            Description = $"Dqe {props.EnvName}: replicates the backups bucket to {target.Env} ({target.Region})",
        });
        Role.AddToPrincipalPolicy(Statement(["s3:GetReplicationConfiguration", "s3:ListBucket"], [source.BucketArn]));
        Role.AddToPrincipalPolicy(Statement(["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"], [source.ArnForObjects("*")]));
        Role.AddToPrincipalPolicy(Statement(crossAccount ? [.. ReplicaWrites, "s3:ObjectOwnerOverrideToBucketOwner"] : ReplicaWrites, [destinationArn + "/*"]));
        Role.AddToPrincipalPolicy(Statement(["kms:Decrypt"], [props.Lake.Key.KeyArn],
            new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = $"s3.{stack.Region}.amazonaws.com" } }));
        // The target key is known by alias only; the condition keeps the grant to that one key in that region.
        Role.AddToPrincipalPolicy(Statement(["kms:Encrypt", "kms:GenerateDataKey"], [$"arn:{stack.Partition}:kms:{target.Region}:{targetAccount}:key/*"],
            new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = $"s3.{target.Region}.amazonaws.com" },
                ["ForAnyValue:StringEquals"] = new Dictionary<string, object> { ["kms:ResourceAliases"] = destinationKeyAlias },
            }));

        var bucket = (CfnBucket)source.Node.DefaultChild!;
        bucket.ReplicationConfiguration = new CfnBucket.ReplicationConfigurationProperty
        {
            Role = Role.RoleArn,
            Rules = new object[]
            {
                new CfnBucket.ReplicationRuleProperty
                {
                    Id = $"backups-to-{target.Env}",
                    Status = "Enabled",
                    Priority = 1,
                    Filter = new CfnBucket.ReplicationRuleFilterProperty { Prefix = "" },
                    DeleteMarkerReplication = new CfnBucket.DeleteMarkerReplicationProperty { Status = "Disabled" },
                    SourceSelectionCriteria = new CfnBucket.SourceSelectionCriteriaProperty
                    {
                        SseKmsEncryptedObjects = new CfnBucket.SseKmsEncryptedObjectsProperty { Status = "Enabled" },
                    },
                    Destination = new CfnBucket.ReplicationDestinationProperty
                    {
                        Bucket = destinationArn,
                        Account = crossAccount ? target.Account : null,
                        AccessControlTranslation = crossAccount ? new CfnBucket.AccessControlTranslationProperty { Owner = "Destination" } : null,
                        EncryptionConfiguration = new CfnBucket.EncryptionConfigurationProperty
                        {
                            ReplicaKmsKeyId = $"arn:{stack.Partition}:kms:{target.Region}:{targetAccount}:{destinationKeyAlias}",
                        },
                    },
                },
            },
        };
    }

    /// <summary>The replica bucket (target side only).</summary>
    public Bucket? ReplicaBucket { get; }

    /// <summary>The role S3 replicates as (source side only).</summary>
    public Role? Role { get; }

    /// <summary>The replication role's fixed name, so a target in another account can admit exactly it.</summary>
    public static string RoleName(string envName) => $"dqe-{envName}-backups-replication";

    /// <summary>Name of the bucket <paramref name="envName"/>'s replicated backups land in.</summary>
    public static string ReplicaBucketName(string envName, string account) => $"dqe-{envName}-backups-replica-{account}";

    private static readonly string[] ReplicaWrites = ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"];

    /// <summary>
    /// Cross-account target side: the replica bucket and the data key admit the source's replication role (by its
    /// fixed name) and nothing else — replica writes with owner override, versioning reads for S3's checks, and
    /// encryption with this key through S3 in this region only.
    /// </summary>
    private static void AdmitSourceRole(Stack stack, DataLake lake, Bucket replica, Config.BackupReplicaConfig from)
    {
        var role = new ArnPrincipal($"arn:{stack.Partition}:iam::{from.Account}:role/{RoleName(from.Env)}");
        replica.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Principals = [role],
            Actions = [.. ReplicaWrites, "s3:ObjectOwnerOverrideToBucketOwner"],
            Resources = [replica.ArnForObjects("*")],
        }));
        replica.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Principals = [role],
            // S3 reads the destination's versioning before it replicates; nothing else on the bucket itself.
            Actions = ["s3:GetBucketVersioning"],
            Resources = [replica.BucketArn],
        }));
        lake.Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Principals = [role],
            Actions = ["kms:Encrypt", "kms:GenerateDataKey"],
            // In a key policy "*" is this key.
            Resources = ["*"],
            Conditions = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = $"s3.{stack.Region}.amazonaws.com" } },
        }));
    }

    private static PolicyStatement Statement(string[] actions, string[] resources, Dictionary<string, object>? conditions = null) => new(new PolicyStatementProps
    {
        Actions = actions,
        Resources = resources,
        Conditions = conditions,
    });
}
