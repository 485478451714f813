namespace Dqe.Core.Recovery;

/// <summary>
/// Runs a DR drill one short step per call (the workflow waits between calls): start → heartbeats → fault →
/// recovery checks → measure → fail back (on every path). Every step appends to the record's timeline.
/// </summary>
internal sealed class DrillService
{
    private readonly DrillOptions _options;
    private readonly IDrillActions _actions;
    private readonly IEngineCanary _canary;
    private readonly HeartbeatTable _heartbeat;
    private readonly TimeProvider _time;
    private readonly Restore.RestoredDatabases? _restored;

    /// <param name="restored">The region-restore drill's databases, dropped by every fail-back; null where no drill restores (tests of other scenarios).</param>
    public DrillService(DrillOptions options, IDrillActions actions, IEngineCanary canary, HeartbeatTable heartbeat, TimeProvider time, Restore.RestoredDatabases? restored = null) =>
        (_options, _actions, _canary, _heartbeat, _time, _restored) = (options, actions, canary, heartbeat, time, restored);

    /// <summary>Validates the options for <paramref name="scenario"/> (nothing is touched if they are bad) and checks the engines are healthy first.</summary>
    public async Task<DrillRecord> StartAsync(DrScenario scenario, bool dryRun, CancellationToken cancellationToken)
    {
        _options.Validate(scenario);
        var now = _time.GetUtcNow();
        var record = new DrillRecord(DrillIds.New(scenario, now), scenario, dryRun, now, []);
        var canary = await _canary.ProbeAsync(cancellationToken).ConfigureAwait(false);
        if (!canary.Healthy)
        {
            // A drill on an already degraded system would measure the wrong outage and could make it worse.
            throw new InvalidOperationException($"engines are not healthy before the drill, nothing was changed: {canary.Detail}");
        }

        if (!dryRun)
        {
            await _heartbeat.EnsureAsync(cancellationToken).ConfigureAwait(false);
        }

        var objective = _options.ObjectiveOf(scenario);
        return record.With(now, "start", $"{DrScenarios.NameOf(scenario)}{(dryRun ? " (dry run)" : "")}: objectives RTO {objective.RtoSeconds} s, RPO {objective.RpoSeconds} s");
    }

    /// <summary>Writes one heartbeat; the workflow waits <see cref="DrillOptions.HeartbeatIntervalSeconds"/> between calls until HeartbeatsDone.</summary>
    public async Task<DrillRecord> WriteHeartbeatAsync(DrillRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var now = _time.GetUtcNow();
        var sequence = record.HeartbeatsWritten + 1;
        if (!record.DryRun)
        {
            await _heartbeat.WriteAsync(record.RunId, sequence, now, cancellationToken).ConfigureAwait(false);
        }

        return record.With(now, "heartbeat", $"#{sequence}") with
        {
            HeartbeatsWritten = sequence,
            LastHeartbeatAt = now,
            HeartbeatsDone = sequence >= _options.HeartbeatCount,
        };
    }

    public async Task<DrillRecord> InjectFaultAsync(DrillRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var now = _time.GetUtcNow();
        record = record with { FaultStartedAt = now };
        if (record.DryRun)
        {
            return record.With(now, "fault", $"dry run: would {Describe(record.Scenario)}");
        }

        var o = _options;
        var touched = record.Scenario switch
        {
            DrScenario.ReplicaLoss => await _actions.DeletePodsAsync(o.Namespace, o.ClickHouseSelector, 1, true, record.RunId, cancellationToken).ConfigureAwait(false),
            DrScenario.KeeperLoss => await _actions.DeletePodsAsync(o.Namespace, o.KeeperSelector, 1, false, record.RunId, cancellationToken).ConfigureAwait(false),
            DrScenario.TrinoCoordinatorLoss => await _actions.DeletePodsAsync(o.TrinoNamespace, o.TrinoCoordinatorSelector, 1, false, record.RunId, cancellationToken).ConfigureAwait(false),
            DrScenario.AzLoss => await _actions.CordonAndDrainZoneAsync(o.Zone, record.RunId, cancellationToken).ConfigureAwait(false),
            // The primary is declared lost; the workflow's restore steps rebuild from the replicated backups bucket.
            _ => [],
        };
        if (touched.Count == 0 && record.Scenario != DrScenario.RegionRestore)
        {
            throw new InvalidOperationException($"{Describe(record.Scenario)}: nothing matched, so there is no fault to recover from.");
        }

        return record.With(now, "fault", $"{Describe(record.Scenario)}: {string.Join(", ", touched)}");
    }

    /// <summary>One canary round; sets Recovered, or TimedOut once the recovery timeout has passed.</summary>
    public async Task<DrillRecord> CheckRecoveryAsync(DrillRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var now = _time.GetUtcNow();
        var fault = record.FaultStartedAt ?? throw new InvalidOperationException("no fault was injected yet.");
        var canary = await _canary.ProbeAsync(cancellationToken).ConfigureAwait(false);
        if (canary.Healthy)
        {
            return record.With(now, "recovered", "canary queries succeed on both engines") with { Recovered = true, RecoveredAt = now };
        }

        var timedOut = now - fault >= TimeSpan.FromSeconds(_options.RecoveryTimeoutSeconds);
        return record.With(now, timedOut ? "timeout" : "waiting", $"clickhouse {Up(canary.ClickHouse)}, trino {Up(canary.Trino)} {canary.Detail}".TrimEnd())
            with { TimedOut = timedOut };
    }

    /// <summary>RTO and RPO against the objectives; a region restore's come from the restore steps' state.</summary>
    public Task<DrillRecord> MeasureAsync(DrillRecord record, CancellationToken cancellationToken) => MeasureAsync(record, null, cancellationToken);

    /// <inheritdoc cref="MeasureAsync(DrillRecord, CancellationToken)"/>
    public async Task<DrillRecord> MeasureAsync(DrillRecord record, Restore.RegionRestoreState? restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        DrillResult result;
        if (record.Scenario == DrScenario.RegionRestore && !record.DryRun)
        {
            record = record with { Restore = restore ?? record.Restore };
            result = DrillMath.EvaluateRestore(record, _options.ObjectiveOf(record.Scenario));
        }
        else
        {
            var newest = record.DryRun ? record.LastHeartbeatAt : await _heartbeat.NewestAsync(record.RunId, cancellationToken).ConfigureAwait(false);
            result = DrillMath.Evaluate(record, newest, _options.ObjectiveOf(record.Scenario));
        }

        return record.With(_time.GetUtcNow(), "measured", $"RTO {Show(result.RtoSeconds)}, RPO {Show(result.RpoSeconds)}: {(result.Passed ? "PASS" : "FAIL")}")
            with { Result = result };
    }

    /// <summary>
    /// Undoes everything the run did — each action on its own so one failure does not skip the rest — then
    /// verifies nothing carries the run's label any more and the engines answer.
    /// </summary>
    public Task<DrillRecord> FailBackAsync(DrillRecord record, string? error, CancellationToken cancellationToken) => FailBackAsync(record, error, null, cancellationToken);

    /// <inheritdoc cref="FailBackAsync(DrillRecord, string?, CancellationToken)"/>
    /// <param name="restore">How far a region restore got before a failure, so the report says it.</param>
    public async Task<DrillRecord> FailBackAsync(DrillRecord record, string? error, Restore.RegionRestoreState? restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        record = restore is null ? record : record with { Restore = restore };
        if (!string.IsNullOrEmpty(error))
        {
            record = record.With(_time.GetUtcNow(), "error", error) with { Error = error };
        }

        record = await StepAsync(record, "uncordon", () => _actions.UncordonAsync(record.RunId, cancellationToken)).ConfigureAwait(false);
        record = await StepAsync(record, "remove-scratch", () => _actions.DeleteScratchAsync(record.RunId, cancellationToken)).ConfigureAwait(false);
        var left = new List<string>();
        if (_restored is { } restored)
        {
            record = await StepAsync(record, "drop-restored", () => restored.DropAsync(record.RunId, cancellationToken)).ConfigureAwait(false);
            left.AddRange((await restored.ListAsync(record.RunId, cancellationToken).ConfigureAwait(false)).Select(d => $"database/{d}"));
        }

        left.AddRange(await _actions.ListLabelledAsync(record.RunId, cancellationToken).ConfigureAwait(false));
        var canary = await _canary.ProbeAsync(cancellationToken).ConfigureAwait(false);
        var verified = left.Count == 0 && canary.Healthy && !record.Events.Any(e => e.Kind == "fail-back-error");
        var detail = verified ? "nothing left with the run label; engines answer" : $"left: [{string.Join(", ", left)}]; engines healthy: {canary.Healthy}";
        return record.With(_time.GetUtcNow(), "fail-back", detail) with { FailBackVerified = verified };
    }

    private async Task<DrillRecord> StepAsync(DrillRecord record, string name, Func<Task<IReadOnlyList<string>>> action)
    {
        try
        {
            var done = await action().ConfigureAwait(false);
            return record.With(_time.GetUtcNow(), name, done.Count == 0 ? "nothing to do" : string.Join(", ", done));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return record.With(_time.GetUtcNow(), "fail-back-error", $"{name}: {e.Message}");
        }
    }

    private string Describe(DrScenario scenario) => DrillPlan.Fault(_options, scenario);

    private static string Up(bool up) => up ? "up" : "down";

    private static string Show(double? seconds) => seconds is { } s ? $"{s:0.#} s" : "not measured";
}
