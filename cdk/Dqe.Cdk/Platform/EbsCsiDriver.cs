using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.IAM;
using Constructs;

namespace Dqe.Cdk.Platform;

/// <param name="Cluster">The cluster to install the add-on into.</param>
public sealed record EbsCsiDriverProps(Cluster Cluster);

/// <summary>
/// The aws-ebs-csi-driver EKS add-on with its controller on IRSA, and an encrypted gp3 StorageClass marked
/// default so engines' PersistentVolumeClaims get gp3 without naming a class.
/// </summary>
public sealed class EbsCsiDriver : Construct
{
    public const string StorageClassName = "gp3";

    public EbsCsiDriver(Construct scope, string id, EbsCsiDriverProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var role = new IrsaRole(this, "ControllerRole", new IrsaRoleProps(props.Cluster, "kube-system", "ebs-csi-controller-sa")).Role;
        // AWS's own policy for the driver: it scopes mutations to volumes/snapshots the driver tagged.
        role.AddManagedPolicy(ManagedPolicy.FromAwsManagedPolicyName("service-role/AmazonEBSCSIDriverPolicy"));

        var addon = new CfnAddon(this, "Addon", new CfnAddonProps
        {
            AddonName = "aws-ebs-csi-driver",
            ClusterName = props.Cluster.ClusterName,
            ServiceAccountRoleArn = role.RoleArn,
            ResolveConflicts = "OVERWRITE",
        });

        var storageClass = props.Cluster.AddManifest("Gp3StorageClass", new Dictionary<string, object>
        {
            ["apiVersion"] = "storage.k8s.io/v1",
            ["kind"] = "StorageClass",
            ["metadata"] = new Dictionary<string, object>
            {
                ["name"] = StorageClassName,
                ["annotations"] = new Dictionary<string, object> { ["storageclass.kubernetes.io/is-default-class"] = "true" },
            },
            ["provisioner"] = "ebs.csi.aws.com",
            ["parameters"] = new Dictionary<string, object> { ["type"] = "gp3", ["encrypted"] = "true", ["fsType"] = "ext4" },
            // Bind where the pod lands so a volume and its replica's pod share an AZ.
            ["volumeBindingMode"] = "WaitForFirstConsumer",
            ["allowVolumeExpansion"] = true,
            ["reclaimPolicy"] = "Delete",
        });
        storageClass.Node.AddDependency(addon);
    }
}
