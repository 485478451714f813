namespace Dqe.Core.Recovery;

/// <summary>
/// The drill workflow run in-process (for <c>dqe dr drill</c>): same steps, delays on <see cref="TimeProvider"/>
/// where the state machine waits, and fail-back in a finally so it runs on every path.
/// </summary>
internal sealed class DrillRunner(DrillService service, TimeProvider time, TimeSpan heartbeatInterval, TimeSpan checkInterval)
{
    public async Task<DrillRecord> RunAsync(DrScenario scenario, Action<DrillEvent> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var shown = 0;
        var record = Show(await service.StartAsync(scenario, false, cancellationToken).ConfigureAwait(false));
        string? error = null;
        try
        {
            while (!record.HeartbeatsDone)
            {
                record = Show(await service.WriteHeartbeatAsync(record, cancellationToken).ConfigureAwait(false));
                await Task.Delay(heartbeatInterval, time, cancellationToken).ConfigureAwait(false);
            }

            record = Show(await service.InjectFaultAsync(record, cancellationToken).ConfigureAwait(false));
            while (!record.Recovered && !record.TimedOut)
            {
                await Task.Delay(checkInterval, time, cancellationToken).ConfigureAwait(false);
                record = Show(await service.CheckRecoveryAsync(record, cancellationToken).ConfigureAwait(false));
            }

            record = Show(await service.MeasureAsync(record, cancellationToken).ConfigureAwait(false));
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
}
