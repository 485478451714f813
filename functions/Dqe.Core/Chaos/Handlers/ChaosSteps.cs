using System.Globalization;
using Dqe.Core.Chaos.Execution;
using Dqe.Core.Chaos.Probes;
using Dqe.Core.Chaos.Reports;
using Dqe.Core.Hosting;
using Dqe.Core.Hosting.Telemetry;

namespace Dqe.Core.Chaos.Handlers;

/// <summary>
/// What each chaos workflow step does with the run state. No step sleeps: the state machine's Wait states
/// pace the observe and rollback loops.
/// </summary>
internal static class ChaosSteps
{
    /// <summary>Rollback calls before giving up to the sweeper (each call makes up to 3 passes).</summary>
    public const int MaxRollbackAttempts = 20;

    /// <summary>Assigns the run id and checks steady state before anything is injected: failing it stops the run with nothing created.</summary>
    public static async Task<ChaosRunState> ValidateAsync(ChaosStepDependencies deps, ChaosRunState state, InvocationContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var runId = state.RunId ?? $"{state.Campaign.Name}-{now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
        var poll = (int)ChaosRunClock.PollInterval(state.Campaign).TotalSeconds;
        var before = await SteadyState.PollAsync(state.Campaign, deps.Probes, ProbePhases.Before, now, cancellationToken).ConfigureAwait(false);
        if (!before.Passed)
        {
            throw new ChaosSteadyStateException($"steady state does not hold before injection, nothing was injected: {before.Failures}");
        }

        var valid = (state with { RunId = runId, PollSeconds = poll }).Record(before).Log(now, "steady-state", $"campaign {state.Campaign.Name}, run {runId}: steady state holds before injection");
        return FaultBenchmark.Enabled(state.Campaign) && !FaultBenchmark.Has(state, FaultBenchmark.Before)
            ? await FaultBenchmark.RunAsync(deps, valid, FaultBenchmark.Before, now, cancellationToken).ConfigureAwait(false)
            : valid;
    }

    public static async Task<ChaosRunState> InjectAsync(ChaosStepDependencies deps, ChaosRunState state, InvocationContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var runId = RunId(state);
        var (_, result) = await deps.Cluster().StartAsync(state.Campaign, runId, cancellationToken).ConfigureAwait(false);
        context.Metrics.Add("ChaosFaultsInjected", result.Objects.Count + result.CordonedNodes.Count, MetricUnit.Count);
        return (state with { InjectedAt = now, FaultsEndAt = now + ChaosRunClock.Duration(state.Campaign) })
            .Log(now, "fault-start", string.Join(", ", result.Objects.Concat(result.CordonedNodes.Select(n => "cordon " + n))));
    }

    public static async Task<ChaosRunState> ObserveAsync(ChaosStepDependencies deps, ChaosRunState state, InvocationContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var states = await deps.Cluster().ReadStatusAsync(RunId(state), ChaosService.RunNamespaces(state.Campaign), cancellationToken).ConfigureAwait(false);
        if (states.FirstOrDefault(s => s.Failure is not null) is { } failed)
        {
            throw new ChaosAbortedException($"{failed.Kind} {failed.Name} failed to inject: {failed.Failure}");
        }

        var during = await SteadyState.PollAsync(state.Campaign, deps.Probes, ProbePhases.During, now, cancellationToken).ConfigureAwait(false);
        var observed = state.Record(during);
        if (SteadyState.AbortReason(state.Campaign, observed.Polls!) is { } reason)
        {
            throw new ChaosAbortedException(reason);
        }

        var over = state.FaultsEndAt is { } end && now >= end;
        // The during pass runs once, on the first poll that finds every fault active (and not yet over).
        if (!over && FaultBenchmark.Enabled(state.Campaign) && !FaultBenchmark.Has(state, FaultBenchmark.During) && states.All(s => s.Injected))
        {
            observed = await FaultBenchmark.RunAsync(deps, observed, FaultBenchmark.During, now, cancellationToken).ConfigureAwait(false);
        }

        var detail = string.Join("; ", states.Select(s => $"{s.Kind}/{s.Name} injected={s.Injected}"));
        var probes = during.Passed ? "probes pass" : "probes failing: " + during.Failures;
        return (observed with { FaultsOver = over }).Log(now, over ? "fault-stop" : "observe", $"{detail}; {probes}");
    }

    /// <summary>
    /// After recovery: steady state must be back within the campaign's recovery timeout. Sets
    /// <see cref="ChaosRunState.Recovered"/> once decided; until then the workflow polls again.
    /// </summary>
    public static async Task<ChaosRunState> VerifyAsync(ChaosStepDependencies deps, ChaosRunState state, InvocationContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deadline = state.RecoveryDeadline ?? now + ChaosRunClock.RecoveryTimeout(state.Campaign);
        var after = await SteadyState.PollAsync(state.Campaign, deps.Probes, ProbePhases.After, now, cancellationToken).ConfigureAwait(false);
        var next = (state with { RecoveryDeadline = deadline }).Record(after);
        if (after.Passed)
        {
            return (next with { Recovered = true, RecoveredAt = now }).Log(now, "recovered", $"steady state back {(now - (state.FaultsEndAt ?? now)).TotalSeconds:0} s after the faults' end");
        }

        return now >= deadline
            ? (next with { Recovered = false }).Log(now, "not-recovered", $"steady state not back within {state.Campaign.SteadyState.RecoveryTimeout}: {after.Failures}")
            : next.Log(now, "recovering", after.Failures);
    }

    public static async Task<ChaosRunState> RollbackAsync(ChaosStepDependencies deps, ChaosRunState state, InvocationContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (state.RunId is null)
        {
            return (state with { Clean = true }).Log(now, "rollback", "nothing was started");
        }

        var result = await deps.Cluster().RollbackAsync(state.Campaign, state.RunId, cancellationToken).ConfigureAwait(false);
        var attempts = state.RollbackAttempts + 1;
        var next = (state with { Clean = result.Clean, RollbackAttempts = attempts })
            .Log(now, "rollback", $"attempt {attempts}: deleted {result.Deleted.Count}, uncordoned {result.Uncordoned.Count}, left {result.RemainingObjects.Count + result.RemainingCordons.Count}");
        return !result.Clean && attempts >= MaxRollbackAttempts
            ? throw new ChaosRollbackIncompleteException($"run {state.RunId}: still in the cluster after {attempts} attempts: {string.Join(", ", result.RemainingObjects.Concat(result.RemainingCordons))}")
            : next;
    }

    public static async Task<ChaosRunState> ReportAsync(ChaosStepDependencies deps, ChaosRunState state, InvocationContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outcome = state.Error is { } error ? $"failed: {error.Error}: {error.Cause}" : "completed";
        var score = ResilienceScore.Compute(state);
        context.Metrics.SetDimension("Experiment", state.Campaign.Name);
        context.Metrics.Add("ChaosRunPassed", state.Error is null && state.Clean ? 1 : 0, MetricUnit.Count);
        context.Metrics.Add("ChaosLeftovers", state.Clean ? 0 : 1, MetricUnit.Count);
        if (score is { } value)
        {
            context.Metrics.Add("ChaosResilienceScore", value, MetricUnit.None);
        }

        if (FaultBenchmark.MeanSlowdown(FaultBenchmark.Degradation(state)) is { } slowdown)
        {
            context.Metrics.Add("ChaosBenchmarkSlowdown", slowdown, MetricUnit.None);
        }

        var reported = (state with { Outcome = outcome, Score = score }).Log(now, "report", outcome);
        var key = await ChaosReportWriter.WriteAsync(deps.Reports, reported, now, cancellationToken).ConfigureAwait(false);
        context.Log.Info($"chaos run {state.RunId}: {outcome}, clean={state.Clean}, score={score?.ToString(CultureInfo.InvariantCulture) ?? "none"}, report {key}");
        return reported with { ReportKey = key };
    }

    private static string RunId(ChaosRunState state) =>
        state.RunId ?? throw new InvalidRequestException("$.runId", "is missing; run dqe.chaos.validate first");
}
