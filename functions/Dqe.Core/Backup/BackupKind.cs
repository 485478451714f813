using System.Text.Json.Serialization;

namespace Dqe.Core.Backup;

/// <summary>Full backups stand alone; incremental ones store only what is not in their base (a full backup).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BackupKind>))]
public enum BackupKind
{
    Full,
    Incremental,
}
