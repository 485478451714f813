using System.Text.Json.Serialization;

namespace Dqe.Core.Hosting;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ErrorDocument))]
internal sealed partial class HostingJsonContext : JsonSerializerContext;
