using System.Text.Json.Serialization;

namespace Dqe.Core.Chaos.Campaigns;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(ChaosCampaign))]
internal sealed partial class ChaosCampaignJsonContext : JsonSerializerContext;
