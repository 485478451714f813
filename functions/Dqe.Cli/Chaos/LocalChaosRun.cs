using System.Globalization;
using System.Text.Json;
using Dqe.Core.Chaos.Campaigns;
using Dqe.Core.Chaos.Execution;

namespace Dqe.Cli.Chaos;

/// <summary>
/// `dqe chaos run` from a laptop: the same plan, injection and label-based rollback the workflow uses, with a
/// local loop in place of the state machine. Rollback runs in a finally block (Ctrl-C included) and repeats
/// until the cluster is clean or the attempts are spent; the sweeper covers a killed process.
/// </summary>
internal sealed class LocalChaosRun
{
    private const int RollbackAttempts = 10;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly ChaosService _service;
    private readonly TimeProvider _time;
    private readonly TextWriter _output;

    public LocalChaosRun(ChaosService service, TimeProvider time, TextWriter output)
    {
        _service = service;
        _time = time;
        _output = output;
    }

    public static string NewRunId(TimeProvider time) =>
        "cli-" + time.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Random.Shared.Next(0x1000, 0xFFFF).ToString("x4", CultureInfo.InvariantCulture);

    public async Task<int> DryRunAsync(ChaosCampaign campaign, string runId, CancellationToken cancellationToken)
    {
        var plan = await _service.PlanAsync(campaign, runId, cancellationToken).ConfigureAwait(false);
        _output.WriteLine($"dry run of '{campaign.Name}' as run {runId}: {plan.AffectedPods} of {plan.TargetPods} target pod(s) affected at most, expires {plan.ExpiresAt:O}");
        foreach (var planned in plan.Objects)
        {
            _output.WriteLine($"--- would create {planned.Manifest["kind"]} {planned.Namespace}/{planned.Name} (fault {planned.Fault})");
            _output.WriteLine(planned.Manifest.ToJsonString(Indented));
        }

        foreach (var action in plan.NodeActions)
        {
            _output.WriteLine($"--- would cordon node {action.Node} (zone {action.Zone ?? "unknown"}, fault {action.Fault}) and evict: {(action.Evictions.Count == 0 ? "nothing" : string.Join(", ", action.Evictions))}");
        }

        _output.WriteLine($"dry run: {plan.Objects.Count} Chaos Mesh object(s), {plan.NodeActions.Count} node action(s); nothing was created");
        return 0;
    }

    public async Task<int> RunAsync(ChaosCampaign campaign, string runId, CancellationToken cancellationToken)
    {
        var clean = false;
        try
        {
            var (plan, result) = await _service.StartAsync(campaign, runId, cancellationToken).ConfigureAwait(false);
            _output.WriteLine($"{_time.GetUtcNow():O} injected run {runId}: {string.Join(", ", result.Objects.Concat(result.CordonedNodes.Select(n => "cordon " + n)))}");
            var end = _time.GetUtcNow() + ChaosRunClock.Duration(campaign);
            while (_time.GetUtcNow() < end)
            {
                await Task.Delay(ChaosRunClock.PollInterval(campaign), _time, cancellationToken).ConfigureAwait(false);
                var states = await _service.ReadStatusAsync(runId, plan.Namespaces, cancellationToken).ConfigureAwait(false);
                _output.WriteLine($"{_time.GetUtcNow():O} " + string.Join("; ", states.Select(s => $"{s.Kind}/{s.Name} injected={s.Injected} recovered={s.Recovered}{(s.Failure is null ? "" : " failure=" + s.Failure)}")));
                if (states.FirstOrDefault(s => s.Failure is not null) is { } failed)
                {
                    _output.WriteLine($"abort: {failed.Name} failed to inject: {failed.Failure}");
                    break;
                }
            }
        }
        finally
        {
            clean = await RollbackAsync(campaign, runId).ConfigureAwait(false);
        }

        return clean ? 0 : 3;
    }

    // Not cancellable on purpose: Ctrl-C must still leave the cluster clean.
    private async Task<bool> RollbackAsync(ChaosCampaign campaign, string runId)
    {
        for (var attempt = 1; attempt <= RollbackAttempts; attempt++)
        {
            var result = await _service.RollbackAsync(campaign, runId, CancellationToken.None).ConfigureAwait(false);
            _output.WriteLine($"rollback {attempt}: deleted {result.Deleted.Count}, uncordoned {result.Uncordoned.Count}, left {result.RemainingObjects.Count + result.RemainingCordons.Count}");
            if (result.Clean)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromSeconds(5), _time, CancellationToken.None).ConfigureAwait(false);
        }

        return false;
    }
}
