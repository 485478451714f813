using Dqe.Core.Chaos.Cluster;
using Dqe.Core.Chaos.Execution;
using Dqe.Core.Hosting;
using Dqe.Core.Hosting.Telemetry;

namespace Dqe.Core.Chaos.Handlers;

/// <summary>The scheduled sweeper: removes what crashed runs left behind once past their expiry.</summary>
internal sealed class ChaosSweepHandler : FunctionHandler<ChaosSweepRequest, ChaosSweepResponse>
{
    private readonly HostServices _services;

    public ChaosSweepHandler(HostServices services)
        : base(ChaosHandlersJsonContext.Default.ChaosSweepRequest, ChaosHandlersJsonContext.Default.ChaosSweepResponse)
    {
        _services = services;
    }

    protected override async Task<ChaosSweepResponse> HandleAsync(ChaosSweepRequest request, InvocationContext context, CancellationToken cancellationToken)
    {
        var service = new ChaosService(KubernetesChaosCluster.Create(_services.Kubernetes.Create), _services.Time, new ChaosOptions());
        var result = await service.SweepAsync(cancellationToken).ConfigureAwait(false);
        var removal = result.Removal;
        context.Metrics.Add("ChaosSweptObjects", removal.Deleted.Count + removal.Uncordoned.Count, MetricUnit.Count);
        context.Metrics.Add("ChaosLeftovers", removal.RemainingObjects.Count + removal.RemainingCordons.Count, MetricUnit.Count);
        return new ChaosSweepResponse(removal.Deleted, removal.Uncordoned, [.. removal.RemainingObjects, .. removal.RemainingCordons]);
    }
}
