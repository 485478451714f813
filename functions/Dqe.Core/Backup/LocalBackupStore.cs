using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dqe.Core.Backup;

/// <summary>Manifests as <c>ROOT/ID/manifest.json</c> on disk, the same layout as in the backups bucket.</summary>
public sealed class LocalBackupStore(string root) : IBackupStore
{
    private const string ManifestFile = "manifest.json";

    public async Task SaveManifestAsync(BackupManifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var folder = Path.Combine(root, BackupSql.RequireId(manifest.Id));
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, ManifestFile + ".tmp");
        await File.WriteAllBytesAsync(temp, JsonSerializer.SerializeToUtf8Bytes(manifest, BackupJsonContext.Default.BackupManifest), cancellationToken).ConfigureAwait(false);
        // Rename so a reader never sees half a manifest.
        File.Move(temp, Path.Combine(folder, ManifestFile), overwrite: true);
    }

    public async Task SaveAttachmentAsync(string backupId, string name, JsonNode content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var folder = Path.Combine(root, BackupSql.RequireId(backupId), BackupNames.ExtrasFolder.TrimEnd('/'));
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, BackupNames.RequireAttachment(name)), content.ToJsonString(), cancellationToken).ConfigureAwait(false);
    }

    public async Task<JsonNode?> GetAttachmentAsync(string backupId, string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(root, BackupSql.RequireId(backupId), BackupNames.ExtrasFolder.TrimEnd('/'), BackupNames.RequireAttachment(name));
        return File.Exists(path) ? JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)) : null;
    }

    public async Task<BackupManifest?> GetManifestAsync(string backupId, CancellationToken cancellationToken)
    {
        var path = Path.Combine(root, BackupSql.RequireId(backupId), ManifestFile);
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync(stream, BackupJsonContext.Default.BackupManifest, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<BackupManifest>> ListManifestsAsync(CancellationToken cancellationToken)
    {
        var manifests = new List<BackupManifest>();
        if (!Directory.Exists(root))
        {
            return manifests;
        }

        foreach (var folder in Directory.GetDirectories(root))
        {
            var name = Path.GetFileName(folder);
            if (BackupSql.OperationId().IsMatch(name) && await GetManifestAsync(name, cancellationToken).ConfigureAwait(false) is { } manifest)
            {
                manifests.Add(manifest);
            }
        }

        return [.. manifests.OrderBy(m => m.StartedAt)];
    }

    public Task DeleteAsync(string backupId, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(root, BackupSql.RequireId(backupId));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}
