using System.Globalization;
using Dqe.Core.Chaos.Execution;
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

    public static Task<ChaosRunState> ValidateAsync(Func<ChaosService> service, ChaosRunState state, InvocationContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var runId = state.RunId ?? $"{state.Campaign.Name}-{now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
        var poll = (int)ChaosRunClock.PollInterval(state.Campaign).TotalSeconds;
        return Task.FromResult((state with { RunId = runId, PollSeconds = poll }).Log(now, "validated", $"campaign {state.Campaign.Name}, run {runId}"));
    }

    public static async Task<ChaosRunState> InjectAsync(Func<ChaosService> service, ChaosRunState state, InvocationContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var runId = RunId(state);
        var (_, result) = await service().StartAsync(state.Campaign, runId, cancellationToken).ConfigureAwait(false);
        context.Metrics.Add("ChaosFaultsInjected", result.Objects.Count + result.CordonedNodes.Count, MetricUnit.Count);
        return (state with { InjectedAt = now, FaultsEndAt = now + ChaosRunClock.Duration(state.Campaign) })
            .Log(now, "fault-start", string.Join(", ", result.Objects.Concat(result.CordonedNodes.Select(n => "cordon " + n))));
    }

    public static async Task<ChaosRunState> ObserveAsync(Func<ChaosService> service, ChaosRunState state, InvocationContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var states = await service().ReadStatusAsync(RunId(state), ChaosService.RunNamespaces(state.Campaign), cancellationToken).ConfigureAwait(false);
        if (states.FirstOrDefault(s => s.Failure is not null) is { } failed)
        {
            throw new ChaosAbortedException($"{failed.Kind} {failed.Name} failed to inject: {failed.Failure}");
        }

        var over = state.FaultsEndAt is { } end && now >= end;
        var detail = string.Join("; ", states.Select(s => $"{s.Kind}/{s.Name} injected={s.Injected}"));
        return (state with { FaultsOver = over }).Log(now, over ? "fault-stop" : "observe", detail);
    }

    public static async Task<ChaosRunState> RollbackAsync(Func<ChaosService> service, ChaosRunState state, InvocationContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (state.RunId is null)
        {
            return (state with { Clean = true }).Log(now, "rollback", "nothing was started");
        }

        var result = await service().RollbackAsync(state.Campaign, state.RunId, cancellationToken).ConfigureAwait(false);
        var attempts = state.RollbackAttempts + 1;
        var next = (state with { Clean = result.Clean, RollbackAttempts = attempts })
            .Log(now, "rollback", $"attempt {attempts}: deleted {result.Deleted.Count}, uncordoned {result.Uncordoned.Count}, left {result.RemainingObjects.Count + result.RemainingCordons.Count}");
        return !result.Clean && attempts >= MaxRollbackAttempts
            ? throw new ChaosRollbackIncompleteException($"run {state.RunId}: still in the cluster after {attempts} attempts: {string.Join(", ", result.RemainingObjects.Concat(result.RemainingCordons))}")
            : next;
    }

    public static Task<ChaosRunState> ReportAsync(Func<ChaosService> service, ChaosRunState state, InvocationContext context, DateTimeOffset now, CancellationToken cancellationToken)
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

        context.Log.Info($"chaos run {state.RunId}: {outcome}, clean={state.Clean}, score={score?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
        return Task.FromResult((state with { Outcome = outcome, Score = score }).Log(now, "report", outcome));
    }

    private static string RunId(ChaosRunState state) =>
        state.RunId ?? throw new InvalidRequestException("$.runId", "is missing; run dqe.chaos.validate first");
}
