namespace Dqe.Core.Recovery;

/// <summary>
/// The drill workflow run in-process (for <c>dqe dr drill</c>): same steps, delays on <see cref="TimeProvider"/>
/// where the state machine waits, and fail-back in a finally so it runs on every path. A region restore runs the
/// restore steps of <paramref name="restore"/> instead of heartbeats and a fault (the Glue catalog is the
/// workflow's: a laptop has no Glue client here, so the report records it as skipped).
/// </summary>
internal sealed class DrillRunner(DrillService service, TimeProvider time, TimeSpan heartbeatInterval, TimeSpan checkInterval, Restore.RegionRestoreService? restore = null)
{
    public async Task<DrillRecord> RunAsync(DrScenario scenario, Action<DrillEvent> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var shown = 0;
        var record = Show(await service.StartAsync(scenario, false, cancellationToken).ConfigureAwait(false));
        string? error = null;
        Restore.RegionRestoreState? restored = null;
        try
        {
            while (scenario != DrScenario.RegionRestore && !record.HeartbeatsDone)
            {
                record = Show(await service.WriteHeartbeatAsync(record, cancellationToken).ConfigureAwait(false));
                await Task.Delay(heartbeatInterval, time, cancellationToken).ConfigureAwait(false);
            }

            record = Show(await service.InjectFaultAsync(record, cancellationToken).ConfigureAwait(false));
            if (scenario == DrScenario.RegionRestore)
            {
                restored = await RestoreAsync(record.RunId, progress, cancellationToken).ConfigureAwait(false);
            }

            while (!record.Recovered && !record.TimedOut)
            {
                await Task.Delay(checkInterval, time, cancellationToken).ConfigureAwait(false);
                record = Show(await service.CheckRecoveryAsync(record, cancellationToken).ConfigureAwait(false));
            }

            record = Show(await service.MeasureAsync(record, restored, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            error = e.Message;
        }
        finally
        {
            // Not the caller's token: a cancelled drill must still undo its fault.
            record = Show(await service.FailBackAsync(record, error, CancellationToken.None).ConfigureAwait(false));
        }

        return record;

        DrillRecord Show(DrillRecord current)
        {
            foreach (var e in current.Events.Skip(shown))
            {
                progress(e);
            }

            shown = current.Events.Count;
            return current;
        }
    }

    private async Task<Restore.RegionRestoreState> RestoreAsync(string runId, Action<DrillEvent> progress, CancellationToken cancellationToken)
    {
        var steps = restore ?? throw new InvalidOperationException("a region restore needs the replicated backups to restore from.");
        var state = await steps.FindAsync(runId, null, cancellationToken).ConfigureAwait(false);
        progress(new DrillEvent(time.GetUtcNow(), "restore", $"backup {state.BackupId} ({state.Kind}) from {state.Location}"));
        state = await steps.StartAsync(state, cancellationToken).ConfigureAwait(false);
        while (state.Running)
        {
            await Task.Delay(checkInterval, time, cancellationToken).ConfigureAwait(false);
            state = await steps.PollAsync(state, cancellationToken).ConfigureAwait(false);
        }

        state = await steps.VerifyAsync(state, cancellationToken).ConfigureAwait(false);
        progress(new DrillEvent(time.GetUtcNow(), "verified", state.Verification!.Passed ? $"{state.Verification.Tables.Count} tables match" : string.Join("; ", state.Verification.Problems)));
        state = await steps.TopicsAsync(state, cancellationToken).ConfigureAwait(false);
        progress(new DrillEvent(time.GetUtcNow(), "topics", state.Topics is { Count: > 0 } t ? string.Join(", ", t) : "none saved"));
        progress(new DrillEvent(time.GetUtcNow(), "catalog", "skipped from the CLI: run the restore-extras workflow in the dr environment"));
        return state;
    }
}
