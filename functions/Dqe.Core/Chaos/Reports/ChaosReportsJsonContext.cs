using System.Text.Json.Serialization;

namespace Dqe.Core.Chaos.Reports;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(ChaosRunReport))]
[JsonSerializable(typeof(ChaosWeeklySummary))]
[JsonSerializable(typeof(ChaosWeeklyRequest))]
internal sealed partial class ChaosReportsJsonContext : JsonSerializerContext;
