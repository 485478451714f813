using Dqe.Core.Hosting;
using Dqe.Core.Hosting.Telemetry;

namespace Dqe.Core.Recovery.Restore;

/// <summary>
/// <c>dqe.region-restore</c>: one step of a full-region restore per call (never waits: the workflow polls). The
/// service is built on first use, after the event was checked, so a bad event never reaches configuration.
/// </summary>
internal sealed class RegionRestoreHandler : FunctionHandler<RestoreStepRequest, RestoreStepResponse>
{
    public const string Name = "dqe.region-restore";
    private static readonly string[] Actions = ["find", "start", "poll", "verify", "catalog-page", "topics"];
    private readonly Lazy<RegionRestoreService> _service;

    public RegionRestoreHandler(Func<RegionRestoreService> service)
        : base(RecoveryJsonContext.Default.RestoreStepRequest, RecoveryJsonContext.Default.RestoreStepResponse)
    {
        _service = new(service);
    }

    protected override async Task<RestoreStepResponse> HandleAsync(RestoreStepRequest request, InvocationContext context, CancellationToken cancellationToken)
    {
        var action = request.Action;
        if (!Actions.Contains(action))
        {
            throw new InvalidRequestException("$.action", $"must be one of {string.Join(", ", Actions)}, got '{action}'");
        }

        if (action == "find")
        {
            try
            {
                _ = request.RunId is { } runId ? DrillIds.Require(runId) : null;
            }
            catch (ArgumentException e)
            {
                throw new InvalidRequestException("$.runId", e.Message);
            }

            return new(action, await _service.Value.FindAsync(request.RunId, request.BackupId, cancellationToken).ConfigureAwait(false));
        }

        var state = request.State ?? throw new InvalidRequestException("$.state", "is required for this action");
        var service = _service.Value;
        switch (action)
        {
            case "start":
                return new(action, await service.StartAsync(state, cancellationToken).ConfigureAwait(false));
            case "poll":
                return new(action, await service.PollAsync(state, cancellationToken).ConfigureAwait(false));
            case "verify":
                var verified = await service.VerifyAsync(state, cancellationToken).ConfigureAwait(false);
                context.Metrics.Add("RegionRestoreVerificationFailed", verified.Verification?.Passed == true ? 0 : 1, MetricUnit.Count);
                return new(action, verified);
            case "catalog-page":
                var (next, tables, more) = await service.CatalogPageAsync(state, request.Page ?? state.CatalogPages + 1, cancellationToken).ConfigureAwait(false);
                return new(action, next, tables, more);
            default:
                var applied = await service.TopicsAsync(state, cancellationToken).ConfigureAwait(false);
                context.Metrics.Add("RegionRestoreTopics", applied.Topics?.Count ?? 0, MetricUnit.Count);
                return new(action, applied);
        }
    }
}
