using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using Dqe.Cdk.Engines;
using Dqe.Cdk.Observability;
using Dqe.Core.Hosting;
using Dqe.Core.Secrets.Rotation;

namespace Dqe.Cdk.Automation;

/// <summary>
/// Rotation of the engine passwords: the <c>dqe.secrets.rotate</c> function and one Secrets Manager
/// RotationSchedule (every <c>security.rotationDays</c>) for each automation secret (Trino's and ClickHouse's user
/// <c>dqe</c>) and each person. The function may read and stage only those secrets (the password is generated in
/// the function: no GetRandomPassword) and use their customer key through Secrets Manager, read the engines' CA,
/// reach the engines' client ports and the Kubernetes API, where its group may only patch the ExternalSecrets it
/// re-syncs and the ClickHouseInstallation. Only Secrets Manager of this account may invoke it. Its environment
/// names no automation secret, so the login check sends only the rotated user's credentials.
/// Grafana's admin secret is rotated by the same function as a third engine (<see cref="GrafanaRotation"/>, whose
/// schedule and RBAC live in the Observability stack, which deploys after this one): here only its environment
/// entries and the staging rights on exactly that secret, by its name's ARN pattern (a reference would be a cycle).
/// </summary>
public sealed class SecretRotation : Construct
{
    public const string Handler = "dqe.secrets.rotate";

    private static readonly string[] SecretActions =
        ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"];

    public SecretRotation(Construct scope, string id, SecretRotationProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var engines = props.Engines;
        // Automation secrets first, by engine: each is read by one engine only, so its rotation verifies that one.
        (string Id, ISecret Secret, string Name, string Engine)[] automation =
        [
            ("Trino", engines.Trino.Credentials, Trino.SecretName(props.EnvName), RotationEngineNames.Trino),
            ("ClickHouse", engines.ClickHouse.Credentials, ClickHouse.SecretName(props.EnvName), RotationEngineNames.ClickHouse),
        ];
        // People's names are lower case: Schedule_Trino and Schedule_ClickHouse never collide with one.
        var rotated = automation.Select(a => (Id: $"Schedule_{a.Id}", a.Secret))
            .Concat(engines.Users.People.Select(p => (Id: $"Schedule_{p.Name}", Secret: (ISecret)p.Secret)))
            .ToList();
        // The login wait plus a minute for Secrets Manager, the patches and the restore after a refusal.
        var timeout = Math.Max(props.Sizing.TimeoutSeconds, props.Security.RotationVerifySeconds + 60);
        Function = new DqeFunction(this, "Function", new DqeFunctionProps(Handler, props.Code, props.Sizing with { TimeoutSeconds = timeout }, props.EnvName, props.LogRetentionDays, props.Vpc)
        {
            SecurityGroups = [engines.Automation.ClientSecurityGroup],
            Environment = new Dictionary<string, string>
            {
                [FunctionVariables.TrinoUrl] = engines.Endpoints.TrinoUrl,
                [FunctionVariables.ClickHouseUrl] = engines.Endpoints.ClickHouseUrl,
                [FunctionVariables.EnginesCaSecret] = engines.Certificates.CaSecretName,
                [FunctionVariables.RotationExternalSecrets] = string.Join(',',
                    engines.Users.RotationSyncs.Select(s => $"{s.Engine}:{s.Namespace}/{s.Name}").Append(GrafanaRotation.ExternalSecretEntry)),
                [FunctionVariables.RotationSecretEngines] = string.Join(',',
                    automation.Select(a => $"{a.Name}={a.Engine}").Append($"{GrafanaRotation.SecretName(props.EnvName)}={RotationEngineNames.Grafana}")),
                [FunctionVariables.RotationGrafanaDeployment] = GrafanaRotation.DeploymentTarget,
                [FunctionVariables.RotationGrafanaSecret] = GrafanaRotation.SecretKeyTarget,
                [FunctionVariables.RotationClickHouseInstallation] = EngineUsers.RotationInstallation,
                [FunctionVariables.RotationVerifySeconds] = props.Security.RotationVerifySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        });
        props.Access.GrantKubernetes(Function, EngineUsers.RotationGroup, EngineUsers.RotationUser);
        engines.Certificates.GrantCaRead(Function.Function);
        Function.Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = SecretActions,
            Resources = [.. rotated.Select(r => r.Secret.SecretArn)],
        }));
        // Grafana's secret (aws/secretsmanager key: no key grant) by name; Secrets Manager appends a random 6-character suffix.
        Function.Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = SecretActions,
            Resources = [Stack.Of(this).FormatArn(new ArnComponents
            {
                Service = "secretsmanager",
                Resource = "secret",
                ResourceName = GrafanaRotation.SecretName(props.EnvName) + "-??????",
                ArnFormat = ArnFormat.COLON_RESOURCE_NAME,
            })],
        }));
        engines.SecretsKey.GrantRotation(Function.Role);

        var invoke = new CfnPermission(this, "InvokedBySecretsManager", new CfnPermissionProps
        {
            Action = "lambda:InvokeFunction",
            FunctionName = Function.Function.FunctionArn,
            Principal = "secretsmanager.amazonaws.com",
            // Only Secrets Manager acting for this account (no confused deputy from another account's secret).
            SourceAccount = Stack.Of(this).Account,
        });
        foreach (var (scheduleId, secret) in rotated)
        {
            var schedule = new CfnRotationSchedule(this, scheduleId, new CfnRotationScheduleProps
            {
                SecretId = secret.SecretArn,
                RotationLambdaArn = Function.Function.FunctionArn,
                RotationRules = new CfnRotationSchedule.RotationRulesProperty { ScheduleExpression = $"rate({props.Security.RotationDays} days)" },
                // The first rotation waits for the schedule: deploying never locks anyone out mid-deploy.
                RotateImmediatelyOnUpdate = false,
            });
            schedule.AddDependency(invoke);
            schedule.Node.AddDependency(Function.Role);
            Schedules.Add(schedule);
        }
    }

    public DqeFunction Function { get; }

    /// <summary>One RotationSchedule per rotated secret: Trino's and ClickHouse's automation secrets, then the people in config order.</summary>
    public List<CfnRotationSchedule> Schedules { get; } = [];
}
