using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dqe.Core.Kubernetes;

/// <summary>
/// Teaches KubernetesClient.Aot's serializer (source-generated for built-in types only) to send custom
/// objects: Chaos Mesh manifests travel as <see cref="JsonElement"/>.
/// </summary>
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class CustomObjectJsonContext : JsonSerializerContext;
