using System.Text.Json.Serialization;

namespace Dqe.Core.Chaos.Handlers;

// Step Functions adds fields (the Catch's $.error) and callers may pass unknown ones: skip them here,
// the campaign in the state is re-validated by CampaignValidator on every step.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChaosRunState))]
[JsonSerializable(typeof(ChaosSweepRequest))]
[JsonSerializable(typeof(ChaosSweepResponse))]
internal sealed partial class ChaosHandlersJsonContext : JsonSerializerContext;
