using System.Text.Json.Serialization;

namespace Dqe.Core.Recovery;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(DrillRecord))]
[JsonSerializable(typeof(DrillStepRequest))]
[JsonSerializable(typeof(List<DrillRecord>))]
[JsonSerializable(typeof(Restore.RestoreStepRequest))]
[JsonSerializable(typeof(Restore.RestoreStepResponse))]
public sealed partial class RecoveryJsonContext : JsonSerializerContext;
