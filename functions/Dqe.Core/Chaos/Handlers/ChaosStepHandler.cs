using Dqe.Core.Benchmarks.Functions;
using Dqe.Core.Chaos.Campaigns;
using Dqe.Core.Chaos.Probes;
using Dqe.Core.Chaos.Cluster;
using Dqe.Core.Chaos.Execution;
using Dqe.Core.Hosting;

namespace Dqe.Core.Chaos.Handlers;

/// <summary>
/// One step of the chaos workflow: state in, state out. The campaign is validated again on every step (the
/// state travels through Step Functions and could be edited by hand); the cluster client, engine clients and report store are built lazily.
/// </summary>
internal sealed class ChaosStepHandler : FunctionHandler<ChaosRunState, ChaosRunState>
{
    private readonly ChaosStepDependencies _dependencies;
    private readonly TimeProvider _time;
    private readonly Func<ChaosStepDependencies, ChaosRunState, InvocationContext, DateTimeOffset, CancellationToken, Task<ChaosRunState>> _step;

    public ChaosStepHandler(HostServices services, Func<ChaosStepDependencies, ChaosRunState, InvocationContext, DateTimeOffset, CancellationToken, Task<ChaosRunState>> step)
        : base(ChaosHandlersJsonContext.Default.ChaosRunState, ChaosHandlersJsonContext.Default.ChaosRunState)
    {
        ArgumentNullException.ThrowIfNull(services);
        _step = step;
        _time = services.Time;
        _dependencies = new ChaosStepDependencies(
            () => new ChaosService(KubernetesChaosCluster.Create(services.Kubernetes.Create), services.Time, new ChaosOptions()),
            new ProbeRunner(ProbeTargets.From(services), services.Time),
            new LazyReportStore(services.Environment),
            engine => engine == "clickhouse" ? services.Engines.ClickHouse() : services.Engines.Trino(),
            services.Time);
    }

    protected override Task<ChaosRunState> HandleAsync(ChaosRunState request, InvocationContext context, CancellationToken cancellationToken)
    {
        var errors = CampaignValidator.Validate(request.Campaign);
        if (errors.Count > 0)
        {
            throw new InvalidRequestException(errors[0].Path.Replace("$", "$.campaign", StringComparison.Ordinal), string.Join("; ", errors));
        }

        return _step(_dependencies, request, context, _time.GetUtcNow(), cancellationToken);
    }
}
