using System.Text.Json.Nodes;

namespace Dqe.Core.Backup;

/// <summary>Where manifests live (the backups bucket, or a local directory for the CLI and tests).</summary>
public interface IBackupStore
{
    Task SaveManifestAsync(BackupManifest manifest, CancellationToken cancellationToken);

    /// <summary>The manifest of <paramref name="backupId"/>, or null when there is none.</summary>
    Task<BackupManifest?> GetManifestAsync(string backupId, CancellationToken cancellationToken);

    Task<IReadOnlyList<BackupManifest>> ListManifestsAsync(CancellationToken cancellationToken);

    /// <summary>Saves a JSON file (<see cref="BackupNames.RequireAttachment"/>) under the backup's <c>extras/</c>; deleted with the backup.</summary>
    Task SaveAttachmentAsync(string backupId, string name, JsonNode content, CancellationToken cancellationToken);

    /// <summary>A JSON file saved with <see cref="SaveAttachmentAsync"/>, or null when the backup has none of that name.</summary>
    Task<JsonNode?> GetAttachmentAsync(string backupId, string name, CancellationToken cancellationToken);

    /// <summary>Removes the manifest and the backup's data under the same id.</summary>
    Task DeleteAsync(string backupId, CancellationToken cancellationToken);
}
