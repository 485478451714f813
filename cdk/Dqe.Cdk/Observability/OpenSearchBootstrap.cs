using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Constructs;
using static Dqe.Cdk.Observability.ObservabilityNames;

namespace Dqe.Cdk.Observability;

/// <summary>
/// A Kubernetes Job (inside the VPC) that configures the log domain through its REST API with the master user:
/// the dqe_log_writer role (write dqe-* indices) mapped to Fluent Bit's IAM role, and the ISM policy that
/// deletes dqe-* indices after the configured retention. Its name carries a hash of what it applies, so a
/// changed retention runs a new job on the next deploy.
/// </summary>
public sealed class OpenSearchBootstrap : Construct
{
    public const string WriterRole = "dqe_log_writer";
    public const string RetentionPolicy = "dqe-log-retention";
    public const string Image = "curlimages/curl:8.10.1";

    public OpenSearchBootstrap(Construct scope, string id, OpenSearchBootstrapProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var policy = IsmPolicy(props.IndexRetentionDays).ToJsonString();
        var role = WriterRolePermissions().ToJsonString();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(policy + role + Script)))[..10];
        var name = $"opensearch-bootstrap-{hash}";

        Kube.Manifest(this, "Job", props.Cluster,
            new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "ConfigMap",
                ["metadata"] = Kube.Metadata(name, LoggingNamespace),
                ["data"] = new JsonObject
                {
                    ["ism-policy.json"] = policy,
                    ["role.json"] = role,
                    // Built from a token (the role ARN), so it is a string concatenation CloudFormation resolves.
                    ["rolesmapping.json"] = $"{{\"backend_roles\":[\"{props.WriterRoleArn}\"]}}",
                    ["bootstrap.sh"] = Script,
                },
            },
            new JsonObject
            {
                ["apiVersion"] = "batch/v1",
                ["kind"] = "Job",
                ["metadata"] = Kube.Metadata(name, LoggingNamespace),
                ["spec"] = new JsonObject
                {
                    ["backoffLimit"] = 10,
                    ["template"] = new JsonObject
                    {
                        ["spec"] = new JsonObject
                        {
                            ["restartPolicy"] = "OnFailure",
                            ["nodeSelector"] = Kube.GeneralPool(),
                            ["securityContext"] = new JsonObject { ["runAsNonRoot"] = true, ["runAsUser"] = 65534 },
                            ["containers"] = new JsonArray(new JsonObject
                            {
                                ["name"] = "bootstrap",
                                ["image"] = Image,
                                ["command"] = new JsonArray("sh", "/bootstrap/bootstrap.sh"),
                                ["env"] = new JsonArray(
                                    new JsonObject { ["name"] = "OPENSEARCH_ENDPOINT", ["value"] = props.Endpoint },
                                    SecretEnv("OPENSEARCH_USERNAME", "username"),
                                    SecretEnv("OPENSEARCH_PASSWORD", "password")),
                                ["volumeMounts"] = new JsonArray(new JsonObject { ["name"] = "bootstrap", ["mountPath"] = "/bootstrap", ["readOnly"] = true }),
                                ["securityContext"] = new JsonObject { ["allowPrivilegeEscalation"] = false, ["readOnlyRootFilesystem"] = true },
                            }),
                            ["volumes"] = new JsonArray(new JsonObject
                            {
                                ["name"] = "bootstrap",
                                ["configMap"] = new JsonObject { ["name"] = name },
                            }),
                        },
                    },
                },
            });
    }

    /// <summary>ISM policy: indices matching dqe-* are deleted once older than <paramref name="retentionDays"/>.</summary>
    public static JsonObject IsmPolicy(int retentionDays) => new()
    {
        ["policy"] = new JsonObject
        {
            ["description"] = $"Dqe logs: delete dqe-* indices after {retentionDays} days",
            ["default_state"] = "hot",
            ["states"] = new JsonArray(
                new JsonObject
                {
                    ["name"] = "hot",
                    ["actions"] = new JsonArray(),
                    ["transitions"] = new JsonArray(new JsonObject
                    {
                        ["state_name"] = "delete",
                        ["conditions"] = new JsonObject { ["min_index_age"] = $"{retentionDays}d" },
                    }),
                },
                new JsonObject
                {
                    ["name"] = "delete",
                    ["actions"] = new JsonArray(new JsonObject { ["delete"] = new JsonObject() }),
                    ["transitions"] = new JsonArray(),
                }),
            ["ism_template"] = new JsonArray(new JsonObject { ["index_patterns"] = new JsonArray("dqe-*"), ["priority"] = 100 }),
        },
    };

    /// <summary>Fine-grained access role for the log shipper: create and write dqe-* indices, nothing else.</summary>
    public static JsonObject WriterRolePermissions() => new()
    {
        ["cluster_permissions"] = new JsonArray("cluster_monitor", "cluster_composite_ops", "indices:admin/template/get", "indices:admin/template/put"),
        ["index_permissions"] = new JsonArray(new JsonObject
        {
            ["index_patterns"] = new JsonArray("dqe-*"),
            ["allowed_actions"] = new JsonArray("crud", "create_index", "indices:admin/mapping/put"),
        }),
    };

    private static JsonObject SecretEnv(string name, string key) => new()
    {
        ["name"] = name,
        ["valueFrom"] = new JsonObject { ["secretKeyRef"] = new JsonObject { ["name"] = OpenSearchMasterSecret, ["key"] = key } },
    };

    private const string Script = $$"""
        set -eu
        base="https://${OPENSEARCH_ENDPOINT}"
        call() { curl --fail-with-body -sS --tlsv1.2 -u "${OPENSEARCH_USERNAME}:${OPENSEARCH_PASSWORD}" -H 'Content-Type: application/json' "$@"; echo; }
        call -X PUT "$base/_plugins/_security/api/roles/{{WriterRole}}" --data @/bootstrap/role.json
        call -X PUT "$base/_plugins/_security/api/rolesmapping/{{WriterRole}}" --data @/bootstrap/rolesmapping.json
        # Updating an ISM policy in place needs its sequence numbers; replacing it keeps the job idempotent.
        curl -sS --tlsv1.2 -u "${OPENSEARCH_USERNAME}:${OPENSEARCH_PASSWORD}" -X DELETE "$base/_plugins/_ism/policies/{{RetentionPolicy}}" >/dev/null || true
        call -X PUT "$base/_plugins/_ism/policies/{{RetentionPolicy}}" --data @/bootstrap/ism-policy.json

        """;
}
