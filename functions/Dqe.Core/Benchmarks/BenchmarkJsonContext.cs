using System.Text.Json.Serialization;

namespace Dqe.Core.Benchmarks;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BenchmarkReport))]
[JsonSerializable(typeof(List<BenchmarkReport>))]
public sealed partial class BenchmarkJsonContext : JsonSerializerContext;
