using Dqe.Core.Benchmarks.Functions;
using Dqe.Core.Chaos.Execution;
using Dqe.Core.Chaos.Probes;
using Dqe.Core.Engines;

namespace Dqe.Core.Chaos.Handlers;

/// <summary>What a chaos step may use: the cluster (built on first call), the probes, the report store, the benchmark engines (trino/clickhouse) and the clock.</summary>
internal sealed record ChaosStepDependencies(Func<ChaosService> Cluster, IProbeRunner Probes, IReportStore Reports, Func<string, IQueryEngine> Engines, TimeProvider Time);
