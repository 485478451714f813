using Dqe.Core.Benchmarks.Functions;
using Dqe.Core.Chaos.Execution;
using Dqe.Core.Chaos.Probes;

namespace Dqe.Core.Chaos.Handlers;

/// <summary>What a chaos step may use: the cluster (built on first call), the probes, the report store.</summary>
internal sealed record ChaosStepDependencies(Func<ChaosService> Cluster, IProbeRunner Probes, IReportStore Reports);
