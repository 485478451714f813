using Amazon.CDK;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;

namespace Dqe.Cdk.Observability;

/// <summary>
/// The Secrets Manager secrets of the observability stack. Passwords and the remediation token are generated;
/// receiver credentials (PagerDuty, Slack, SMTP) start as placeholders an operator replaces after deploy.
/// No value ever appears in a template or in code.
/// </summary>
public sealed class ObservabilitySecrets : Construct
{
    /// <summary>Value of the receiver keys until an operator puts the real credentials.</summary>
    public const string Placeholder = "REPLACE_AFTER_DEPLOY";

    /// <summary>Name (under dqe/ENV/observability/) of the secret {"token"} Alertmanager sends and the remediation webhook accepts.</summary>
    public const string RemediationTokenName = "remediation-token";

    /// <summary>Name (under dqe/ENV/observability/) of the Grafana admin secret {"username","password"}, rotated on the engines' schedule.</summary>
    public const string GrafanaAdminName = "grafana-admin";

    /// <summary>User name of the OpenSearch master user (not a secret; its password is generated).</summary>
    public const string OpenSearchMasterUser = "dqe-admin";

    public ObservabilitySecrets(Construct scope, string id, ObservabilitySecretsProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var removal = props.Ephemeral ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
        Secret Create(string secretId, string name, string description, string template, string generatedKey, string exclude = "") =>
            new(this, secretId, new SecretProps
            {
                SecretName = Name(props.EnvName, name),
                Description = $"Dqe {props.EnvName}: {description}",
                GenerateSecretString = new SecretStringGenerator
                {
                    SecretStringTemplate = template,
                    GenerateStringKey = generatedKey,
                    PasswordLength = 40,
                    ExcludeCharacters = exclude,
                    RequireEachIncludedType = true,
                },
                RemovalPolicy = removal,
            });

        GrafanaAdmin = Create("GrafanaAdmin", GrafanaAdminName, "Grafana admin user (keys username, password)",
            "{\"username\":\"admin\"}", "password", exclude: "\"'\\/@:`");
        RemediationToken = Create("RemediationToken", RemediationTokenName,
            "bearer token Alertmanager sends to the remediation endpoint (key token)", "{}", "token", exclude: "\"'\\/@:` ");
        Receivers = Create("Receivers", "alert-receivers",
            "PagerDuty routing key, Slack webhook URL and SMTP password for Alertmanager: replace the placeholders after deploy",
            $"{{\"pagerduty-routing-key\":\"{Placeholder}\",\"slack-webhook-url\":\"{Placeholder}\",\"smtp-password\":\"{Placeholder}\"}}",
            // The generated key only exists because a generator needs one; nothing reads it.
            "unused");
        OpenSearchMaster = Create("OpenSearchMaster", "opensearch-master", "OpenSearch fine-grained access master user (keys username, password)",
            $"{{\"username\":\"{OpenSearchMasterUser}\"}}", "password", exclude: "\"'\\/@:` ");
    }

    public Secret GrafanaAdmin { get; }

    public Secret RemediationToken { get; }

    public Secret Receivers { get; }

    public Secret OpenSearchMaster { get; }

    /// <summary>Every secret the cluster may read through External Secrets.</summary>
    public IReadOnlyList<Secret> All => [GrafanaAdmin, RemediationToken, Receivers, OpenSearchMaster];

    public static string Name(string envName, string secret) => $"dqe/{envName}/observability/{secret}";
}
