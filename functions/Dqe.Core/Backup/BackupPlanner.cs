using System.Globalization;

namespace Dqe.Core.Backup;

/// <summary>
/// Chooses the next backup (full on <see cref="BackupOptions.FullBackupDay"/> or when no usable full backup is
/// recent enough to be a base, else incremental on the newest usable full) and what retention deletes.
/// </summary>
internal sealed class BackupPlanner(BackupOptions options)
{
    public BackupPlan Plan(DateTimeOffset now, IReadOnlyList<BackupManifest> existing, BackupKind? forced)
    {
        var kind = forced ?? (now.UtcDateTime.DayOfWeek == options.FullBackupDay ? BackupKind.Full : BackupKind.Incremental);
        string? baseId = null;
        if (kind == BackupKind.Incremental)
        {
            baseId = existing
                .Where(m => m.Kind == BackupKind.Full && m.Usable && now - m.StartedAt < TimeSpan.FromDays(options.MaxAgeDays))
                .OrderByDescending(m => m.StartedAt)
                .FirstOrDefault()?.Id;
            // An incremental without a restorable base would be unrestorable: take a full one instead.
            kind = baseId is null ? BackupKind.Full : kind;
        }

        var id = string.Create(CultureInfo.InvariantCulture, $"ch-{(kind == BackupKind.Full ? "full" : "incr")}-{now.UtcDateTime:yyyyMMdd-HHmmss}");
        return new BackupPlan(id, kind, baseId, options.Databases, now);
    }

    /// <summary>
    /// Ids to delete: beyond the newest <see cref="BackupOptions.KeepCount"/> or older than <see cref="BackupOptions.MaxAgeDays"/>,
    /// except the base of a kept incremental and the newest usable backup (never delete the last way back).
    /// </summary>
    public IReadOnlyList<string> Expired(DateTimeOffset now, IReadOnlyList<BackupManifest> existing)
    {
        var newestFirst = existing.OrderByDescending(m => m.StartedAt).ToList();
        var keep = newestFirst
            .Take(options.KeepCount)
            .Where(m => now - m.StartedAt <= TimeSpan.FromDays(options.MaxAgeDays))
            .Select(m => m.Id)
            .ToHashSet(StringComparer.Ordinal);
        if (newestFirst.FirstOrDefault(m => m.Usable) is { } lastGood)
        {
            keep.Add(lastGood.Id);
        }

        foreach (var kept in newestFirst.Where(m => keep.Contains(m.Id) && m.BaseBackupId is not null).ToList())
        {
            keep.Add(kept.BaseBackupId!);
        }

        return [.. newestFirst.Where(m => !keep.Contains(m.Id)).Select(m => m.Id)];
    }
}
