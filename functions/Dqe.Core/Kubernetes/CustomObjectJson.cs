using System.Text.Json.Serialization.Metadata;
using k8s;

namespace Dqe.Core.Kubernetes;

/// <summary>
/// Registers <see cref="CustomObjectJsonContext"/> with KubernetesClient.Aot, once per process. The client takes its
/// serializer options when it is built, so this must run before a client is created: a client built earlier (say
/// for a Prometheus probe through the API server proxy) could never send a custom object. Every place that builds
/// clients calls it.
/// </summary>
internal static class CustomObjectJson
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        KubernetesJson.AddJsonOptions(o => o.TypeInfoResolver = JsonTypeInfoResolver.Combine(o.TypeInfoResolver, CustomObjectJsonContext.Default));
        return true;
    });

    public static void EnsureRegistered() => _ = Registered.Value;
}
