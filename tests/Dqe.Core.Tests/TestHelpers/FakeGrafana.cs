using System.Text;
using System.Text.Json.Nodes;
using Dqe.Core.Secrets.Rotation;
using Dqe.TestServers.Kubernetes;
using Dqe.TestServers.Secrets;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>
/// Grafana in the monitoring namespace as a rotation meets it, on the fake Kubernetes API: the ExternalSecret, the
/// Kubernetes secret it writes (admin-user, admin-password) and the Deployment. External Secrets copies the Secrets
/// Manager secret's AWSCURRENT into the Kubernetes secret when the force-sync annotation changes (not while
/// <see cref="ExternalSecretsDown"/>). A restart (new pod template) starts a pod that reads the Kubernetes secret's
/// password at start — Grafana without persistence sets its admin password then — and, unless it is one of the first
/// <see cref="StuckRestarts"/>, becomes ready and replaces the old pod. Each API request takes <see cref="RequestTakes"/> on the fake clock.
/// </summary>
public sealed class FakeGrafana
{
    public static readonly RotationTarget ExternalSecret = new("monitoring", "dqe-grafana-admin");
    public static readonly KubernetesSecretKey Secret = new(new RotationTarget("monitoring", "dqe-grafana-admin"), "admin-password");
    public static readonly RotationTarget Deployment = new("monitoring", "kube-prometheus-stack-grafana");

    private readonly FakeKubernetesApi _api;
    private readonly FakeSecretsManager _secrets;
    private readonly string _secretId;

    public FakeGrafana(FakeKubernetesApi api, FakeSecretsManager secrets, string secretId, FakeTimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(api);
        _api = api;
        _secrets = secrets;
        _secretId = secretId;
        Running = CurrentPassword();
        api.Seed($"apis/external-secrets.io/v1beta1/namespaces/{ExternalSecret.Namespace}/externalsecrets", new JsonObject
        {
            ["apiVersion"] = "external-secrets.io/v1beta1", ["kind"] = "ExternalSecret",
            ["metadata"] = new JsonObject { ["name"] = ExternalSecret.Name }, ["spec"] = new JsonObject(),
        });
        WriteSecret(Running);
        api.Seed($"apis/apps/v1/namespaces/{Deployment.Namespace}/deployments", new JsonObject
        {
            ["apiVersion"] = "apps/v1", ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = Deployment.Name, ["generation"] = 1 },
            ["spec"] = new JsonObject { ["replicas"] = 1, ["template"] = new JsonObject { ["metadata"] = new JsonObject() } },
            ["status"] = Status(1, replicas: 1, ready: 1),
        });
        api.Behaviour.OnPatched = OnPatched;
        api.Behaviour.OnRequest = (_, _) => time.Advance(RequestTakes);
    }

    public TimeSpan RequestTakes { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>External Secrets does not sync (operator down, Secrets Manager unreachable from the cluster).</summary>
    public bool ExternalSecretsDown { get; set; }

    /// <summary>How many restarts, counted from the first, start a pod that never becomes ready (the old pod keeps serving).</summary>
    public int StuckRestarts { get; set; }

    /// <summary>The admin password of the Grafana pod that serves.</summary>
    public string Running { get; private set; }

    /// <summary>The password in the Kubernetes secret at each restart: what the new pod started with.</summary>
    public List<string> RestartedWith { get; } = [];

    /// <summary>The password the Kubernetes secret holds now.</summary>
    public string Synced() => Encoding.UTF8.GetString(Convert.FromBase64String(
        _api.Get("", "secrets", Secret.Secret.Namespace, Secret.Secret.Name)!["data"]![Secret.Key]!.GetValue<string>()));

    /// <summary>The Deployment as stored.</summary>
    public JsonObject DeploymentObject() => _api.Get("apps", "deployments", Deployment.Namespace, Deployment.Name)!;

    private void OnPatched(JsonObject stored)
    {
        var name = stored["metadata"]?["name"]?.GetValue<string>();
        var kind = stored["kind"]?.GetValue<string>();
        if (kind == "ExternalSecret" && name == ExternalSecret.Name && !ExternalSecretsDown)
        {
            WriteSecret(CurrentPassword());
        }
        else if (kind == "Deployment" && name == Deployment.Name)
        {
            var generation = long.Parse(stored["metadata"]!["generation"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
            RestartedWith.Add(Synced());
            var stuck = RestartedWith.Count <= StuckRestarts;
            // A stuck rollout: the new pod runs but is not ready, so the old one is kept (2 replicas, 1 updated, 1 ready).
            stored["status"] = stuck ? Status(generation, replicas: 2, ready: 1) : Status(generation, replicas: 1, ready: 1);
            if (!stuck)
            {
                Running = RestartedWith[^1];
            }
        }
    }

    private void WriteSecret(string password) => _api.Seed($"api/v1/namespaces/{Secret.Secret.Namespace}/secrets", new JsonObject
    {
        ["apiVersion"] = "v1", ["kind"] = "Secret",
        ["metadata"] = new JsonObject { ["name"] = Secret.Secret.Name },
        ["data"] = new JsonObject
        {
            ["admin-user"] = Convert.ToBase64String("admin"u8.ToArray()),
            [Secret.Key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(password)),
        },
    });

    private string CurrentPassword() => JsonNode.Parse(_secrets.ValueAt(_secretId, FakeSecret.Current)!)!["password"]!.GetValue<string>();

    private static JsonObject Status(long generation, int replicas, int ready) => new()
    {
        ["observedGeneration"] = generation, ["replicas"] = replicas, ["updatedReplicas"] = 1, ["readyReplicas"] = ready,
    };
}
