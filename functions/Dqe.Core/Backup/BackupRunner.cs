namespace Dqe.Core.Backup;

/// <summary>
/// The backup workflow run in-process (for <c>dqe backup run|verify</c> from a laptop): the same steps, with a
/// delay on <see cref="TimeProvider"/> where the state machine has its Wait states.
/// </summary>
internal sealed class BackupRunner(BackupService service, TimeProvider time, TimeSpan pollInterval)
{
    public async Task<BackupManifest> RunAsync(BackupKind? kind, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var plan = await service.PlanAsync(kind, cancellationToken).ConfigureAwait(false);
        progress($"plan: {plan.Id} ({plan.Kind}{(plan.BaseBackupId is { } b ? $", base {b}" : "")}) of {string.Join(", ", plan.Databases)}");
        try
        {
            var done = await WaitAsync(await service.StartAsync(plan, cancellationToken).ConfigureAwait(false), "backup", progress, cancellationToken).ConfigureAwait(false);
            var manifest = await service.CompleteAsync(done, cancellationToken).ConfigureAwait(false);
            progress($"backup {manifest.State}: {manifest.Tables.Count} tables, {manifest.TotalBytes} bytes, {manifest.DurationSeconds:0.#} s {manifest.Error}".TrimEnd());
            if (manifest.State != BackupState.Succeeded)
            {
                return await service.MarkFailedAsync(plan.Id, manifest.Error, cancellationToken).ConfigureAwait(false) ?? manifest;
            }

            manifest = await VerifyAsync(plan.Id, progress, cancellationToken).ConfigureAwait(false);
            if (manifest.Usable)
            {
                var deleted = await service.ApplyRetentionAsync(cancellationToken).ConfigureAwait(false);
                progress($"retention: deleted {(deleted.Count == 0 ? "nothing" : string.Join(", ", deleted))}");
            }

            return manifest;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await service.MarkFailedAsync(plan.Id, e.Message, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    public async Task<BackupManifest> VerifyAsync(string backupId, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var restored = await WaitAsync(await service.StartVerifyAsync(backupId, cancellationToken).ConfigureAwait(false), "restore", progress, cancellationToken).ConfigureAwait(false);
        var manifest = await service.FinishVerifyAsync(backupId, restored, cancellationToken).ConfigureAwait(false);
        progress(manifest.Usable
            ? $"verify: PASS ({manifest.Verification!.Tables.Count} tables match)"
            : $"verify: FAIL, backup marked unusable: {string.Join("; ", manifest.Verification?.Problems ?? [])}");
        return manifest;
    }

    private async Task<BackupProgress> WaitAsync(BackupProgress progress, string what, Action<string> report, CancellationToken cancellationToken)
    {
        while (progress.State == BackupState.Running)
        {
            report($"{what}: running ({progress.Files} files, {progress.TotalBytes} bytes)");
            await Task.Delay(pollInterval, time, cancellationToken).ConfigureAwait(false);
            progress = await service.PollAsync(progress.OperationId, cancellationToken).ConfigureAwait(false);
        }

        return progress;
    }
}
