using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Dqe.Core.Secrets.Rotation;

/// <summary>
/// Publishes a rotated secret through the Kubernetes API: a <c>force-sync</c> annotation on each ExternalSecret of the
/// secret's engines (External Secrets re-reads Secrets Manager at once), and, for a secret on ClickHouse, a new
/// <c>spec.taskID</c> on the ClickHouseInstallation — a metadata-only change does not bump the resource's generation, so the operator would
/// not reconcile, while a taskID change makes it re-render users.d from the re-synced secret. RBAC allows exactly
/// these patches (<c>dqe-rotation</c> group, resourceNames).
/// </summary>
public sealed class KubernetesRotationPublisher : IRotationPublisher
{
    private readonly IKubernetes _client;
    private readonly RotationOptions _options;

    public KubernetesRotationPublisher(IKubernetes client, RotationOptions options)
    {
        _client = client;
        _options = options;
    }

    public async Task PublishAsync(string reason, IReadOnlySet<RotationEngine> engines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engines);
        foreach (var target in _options.SyncsOf(engines).Select(s => s.Target))
        {
            var patch = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["force-sync"] = reason } } };
            await _client.CustomObjects.PatchNamespacedCustomObjectAsync(
                Merge(patch), "external-secrets.io", "v1beta1", target.Namespace, "externalsecrets", target.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        if (engines.Contains(RotationEngine.ClickHouse) && _options.ClickHouseInstallation is { } chi)
        {
            var patch = new JsonObject { ["spec"] = new JsonObject { ["taskID"] = reason } };
            await _client.CustomObjects.PatchNamespacedCustomObjectAsync(
                Merge(patch), "clickhouse.altinity.com", "v1", chi.Namespace, "clickhouseinstallations", chi.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static V1Patch Merge(JsonObject patch) => new(patch.ToJsonString(), V1Patch.PatchType.MergePatch);
}
