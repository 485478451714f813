using System.Text.Json.Serialization;

namespace Dqe.Core.Hosting;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ErrorDocument))]
internal sealed partial class HostingJsonContext : JsonSerializerContext
{
    /// <summary>Error documents with relaxed escaping, so messages such as <c>field '$.x'</c> stay readable.</summary>
    public static HostingJsonContext Readable { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
