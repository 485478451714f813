using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.IAM;
using Constructs;

namespace Dqe.Cdk.Platform;

/// <param name="Cluster">Cluster whose OIDC provider issues the service account tokens.</param>
/// <param name="Namespace">Namespace of the service account.</param>
/// <param name="ServiceAccount">Name of the service account allowed to assume the role.</param>
public sealed record IrsaRoleProps(Cluster Cluster, string Namespace, string ServiceAccount);

/// <summary>
/// An IAM role only one Kubernetes service account can assume (IRSA), for service accounts that something
/// else creates (EKS add-ons, operators). Where CDK creates the service account, use Cluster.AddServiceAccount.
/// </summary>
public sealed class IrsaRole : Construct
{
    public IrsaRole(Construct scope, string id, IrsaRoleProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var issuer = props.Cluster.ClusterOpenIdConnectIssuer;
        // The issuer is a deploy-time token, and tokens cannot be JSON keys: CfnJson resolves them at deploy time.
        var conditions = new CfnJson(this, "Conditions", new CfnJsonProps
        {
            Value = new Dictionary<string, object>
            {
                [$"{issuer}:sub"] = $"system:serviceaccount:{props.Namespace}:{props.ServiceAccount}",
                [$"{issuer}:aud"] = "sts.amazonaws.com",
            },
        });
        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new OpenIdConnectPrincipal(props.Cluster.OpenIdConnectProvider)
                .WithConditions(new Dictionary<string, object> { ["StringEquals"] = conditions }),
            Description = $"IRSA for {props.Namespace}/{props.ServiceAccount}",
        });
    }

    public Role Role { get; }
}
