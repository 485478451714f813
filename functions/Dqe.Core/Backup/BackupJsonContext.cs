using System.Text.Json.Serialization;

namespace Dqe.Core.Backup;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(BackupManifest))]
[JsonSerializable(typeof(BackupStepRequest))]
[JsonSerializable(typeof(BackupStepResponse))]
[JsonSerializable(typeof(BackupPlan))]
[JsonSerializable(typeof(BackupProgress))]
[JsonSerializable(typeof(List<BackupManifest>))]
public sealed partial class BackupJsonContext : JsonSerializerContext;
