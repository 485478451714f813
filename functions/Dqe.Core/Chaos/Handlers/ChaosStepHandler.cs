using Dqe.Core.Chaos.Campaigns;
using Dqe.Core.Chaos.Cluster;
using Dqe.Core.Chaos.Execution;
using Dqe.Core.Hosting;

namespace Dqe.Core.Chaos.Handlers;

/// <summary>
/// One step of the chaos workflow: state in, state out. The campaign is validated again on every step (the
/// state travels through Step Functions and could be edited by hand); the cluster client is built lazily.
/// </summary>
internal sealed class ChaosStepHandler : FunctionHandler<ChaosRunState, ChaosRunState>
{
    private readonly Func<ChaosService> _service;
    private readonly TimeProvider _time;
    private readonly Func<Func<ChaosService>, ChaosRunState, InvocationContext, DateTimeOffset, CancellationToken, Task<ChaosRunState>> _step;

    public ChaosStepHandler(HostServices services, Func<Func<ChaosService>, ChaosRunState, InvocationContext, DateTimeOffset, CancellationToken, Task<ChaosRunState>> step)
        : base(ChaosHandlersJsonContext.Default.ChaosRunState, ChaosHandlersJsonContext.Default.ChaosRunState)
    {
        ArgumentNullException.ThrowIfNull(services);
        _step = step;
        _time = services.Time;
        _service = () => new ChaosService(KubernetesChaosCluster.Create(services.Kubernetes.Create), services.Time, new ChaosOptions());
    }

    protected override Task<ChaosRunState> HandleAsync(ChaosRunState request, InvocationContext context, CancellationToken cancellationToken)
    {
        var errors = CampaignValidator.Validate(request.Campaign);
        if (errors.Count > 0)
        {
            throw new InvalidRequestException(errors[0].Path.Replace("$", "$.campaign", StringComparison.Ordinal), string.Join("; ", errors));
        }

        return _step(_service, request, context, _time.GetUtcNow(), cancellationToken);
    }
}
