using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using Dqe.Cdk.Engines;
using Dqe.Core.Secrets.Rotation;
using static Dqe.Cdk.Observability.ObservabilityNames;

namespace Dqe.Cdk.Observability;

/// <summary>
/// Rotation of the Grafana admin password by the engines' rotation function (Automation stack), Grafana being its
/// third engine: the RotationSchedule of the admin secret, here because this stack deploys after Automation (it
/// references the function; Automation names the secret by its ARN pattern, so no cycle), and the function's RBAC in
/// the monitoring namespace — patch of the admin ExternalSecret (force-sync) and of Grafana's Deployment (restart),
/// get of that Deployment (rollout status) and of the synced Kubernetes secret (is the new password there), by name only.
/// </summary>
public sealed class GrafanaRotation : Construct
{
    /// <summary>Kubernetes key of <see cref="GrafanaAdminSecret"/> the chart reads the password from (admin.passwordKey).</summary>
    public const string PasswordKey = "admin-password";

    public GrafanaRotation(Construct scope, string id, GrafanaRotationProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Rbac = Engines.Kube.Apply(this, "Rbac", props.Cluster, EngineUsers.RotationRole(MonitoringNamespace,
            EngineUsers.Rule("external-secrets.io", "externalsecrets", ["patch"], GrafanaAdminSecret),
            EngineUsers.Rule("apps", "deployments", ["get", "patch"], GrafanaDeployment),
            EngineUsers.Rule("", "secrets", ["get"], GrafanaAdminSecret)));
        foreach (var prerequisite in props.Prerequisites)
        {
            Rbac.Node.AddDependency(prerequisite);
        }

        Schedule = new CfnRotationSchedule(this, "Schedule", new CfnRotationScheduleProps
        {
            SecretId = props.Secret.SecretArn,
            RotationLambdaArn = props.RotationFunctionArn,
            RotationRules = new CfnRotationSchedule.RotationRulesProperty { ScheduleExpression = $"rate({props.RotationDays} days)" },
            // As for the engines: the first rotation waits for the schedule, never mid-deploy.
            RotateImmediatelyOnUpdate = false,
        });
        // A rotation needs the function's access to the cluster objects and Grafana itself in place.
        Schedule.Node.AddDependency(Rbac);
    }

    /// <summary>Role and binding of the rotation group in the monitoring namespace.</summary>
    public KubernetesManifest Rbac { get; }

    public CfnRotationSchedule Schedule { get; }

    /// <summary>The <c>DQE_ROTATION_EXTERNAL_SECRETS</c> entry of the admin secret's ExternalSecret.</summary>
    public static string ExternalSecretEntry => $"{RotationEngineNames.Grafana}:{MonitoringNamespace}/{GrafanaAdminSecret}";

    /// <summary><c>DQE_ROTATION_GRAFANA_DEPLOYMENT</c>.</summary>
    public static string DeploymentTarget => $"{MonitoringNamespace}/{GrafanaDeployment}";

    /// <summary><c>DQE_ROTATION_GRAFANA_SECRET</c>.</summary>
    public static string SecretKeyTarget => $"{MonitoringNamespace}/{GrafanaAdminSecret}:{PasswordKey}";

    /// <summary>The admin secret's Secrets Manager name (<see cref="ObservabilitySecrets"/>).</summary>
    public static string SecretName(string envName) => ObservabilitySecrets.Name(envName, ObservabilitySecrets.GrafanaAdminName);
}
