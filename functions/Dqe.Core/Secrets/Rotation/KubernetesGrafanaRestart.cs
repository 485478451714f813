using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using Dqe.Core.Hosting;
using k8s.Models;

namespace Dqe.Core.Secrets.Rotation;

/// <summary>
/// <see cref="IGrafanaRestart"/> through the Kubernetes API: get of the one secret, and patch and get of the one
/// Deployment the <c>dqe-rotation</c> group may touch in the monitoring namespace (resourceNames).
/// </summary>
public sealed class KubernetesGrafanaRestart : IGrafanaRestart
{
    /// <summary>The pod template annotation <c>kubectl rollout restart</c> sets: a new value is a new template, so a rolling restart.</summary>
    public const string RestartedAt = "kubectl.kubernetes.io/restartedAt";

    private readonly IKubernetes _client;
    private readonly RotationOptions _options;
    private readonly TimeProvider _time;

    public KubernetesGrafanaRestart(IKubernetes client, RotationOptions options, TimeProvider time)
    {
        _client = client;
        _options = options;
        _time = time;
    }

    // Options validation requires both once a secret is on grafana; without one, nothing asks for a restart.
    private RotationTarget Deployment => _options.GrafanaDeployment
        ?? throw new InvalidOperationException($"environment variable {FunctionVariables.RotationGrafanaDeployment} is not set");

    private KubernetesSecretKey Secret => _options.GrafanaSecret
        ?? throw new InvalidOperationException($"environment variable {FunctionVariables.RotationGrafanaSecret} is not set");

    public async Task<string?> SecretHoldsAsync(string password, CancellationToken cancellationToken)
    {
        V1Secret secret;
        try
        {
            secret = await _client.CoreV1.ReadNamespacedSecretAsync(Secret.Secret.Name, Secret.Secret.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return $"secret {Secret.Secret} does not exist";
        }

        if (secret.Data is null || !secret.Data.TryGetValue(Secret.Key, out var held))
        {
            return $"secret {Secret.Secret} has no key {Secret.Key}";
        }

        // Constant time, and only the outcome leaves this method.
        return CryptographicOperations.FixedTimeEquals(held, Encoding.UTF8.GetBytes(password)) ? null : $"secret {Secret} does not hold the new password yet";
    }

    public async Task<long> RestartAsync(CancellationToken cancellationToken)
    {
        var stamp = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var patch = new JsonObject
        {
            ["spec"] = new JsonObject { ["template"] = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [RestartedAt] = stamp } } } },
        };
        var deployment = await _client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), Deployment.Name, Deployment.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        return deployment.Metadata?.Generation ?? throw new RotationFailedException($"the restart of Deployment {Deployment} answered no generation");
    }

    public async Task<string?> RolloutCompleteAsync(long generation, CancellationToken cancellationToken)
    {
        var deployment = await _client.AppsV1.ReadNamespacedDeploymentAsync(Deployment.Name, Deployment.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        var status = deployment.Status;
        var wanted = deployment.Spec?.Replicas ?? 1;
        // As kubectl rollout status: the controller saw the restart, every replica runs the new template and is ready, no old one is left.
        if ((status?.ObservedGeneration ?? 0) < generation)
        {
            return $"Deployment {Deployment} has not observed generation {generation} yet";
        }

        var updated = status?.UpdatedReplicas ?? 0;
        var ready = status?.ReadyReplicas ?? 0;
        var replicas = status?.Replicas ?? 0;
        return updated == wanted && replicas == updated && ready == updated
            ? null
            : $"Deployment {Deployment}: {updated} of {wanted} replica(s) updated, {ready} ready, {replicas} running";
    }
}
