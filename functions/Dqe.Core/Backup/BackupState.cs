using System.Text.Json.Serialization;

namespace Dqe.Core.Backup;

/// <summary>Where one backup or restore operation stands (mirrors the terminal states of <c>system.backups</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BackupState>))]
public enum BackupState
{
    Running,
    Succeeded,
    Failed,
}
