using Dqe.Workflows.Benchmarks;
using Dqe.Workflows.Building;
using Dqe.Workflows.Chaos;
using Dqe.Workflows.Backup;
using Dqe.Workflows.Recovery;
using Dqe.Workflows.Remediation;

namespace Dqe.Workflows;

/// <summary>Every workflow the CDK app deploys and `dqe workflow` runs locally. Add ONE line per workflow.</summary>
public static class WorkflowCatalog
{
    public static IReadOnlyList<IWorkflow> All { get; } =
    [
        new ChaosWorkflow(),
        new ChaosSweepWorkflow(),
        new ChaosWeeklyWorkflow(),
        new BenchmarkWorkflow(),
        new BackupWorkflow(),
        new DrDrillWorkflow(),
        new RemediationWorkflow(),
        new RestoreExtrasWorkflow(),
    ];

    public static IWorkflow? Find(string name) => All.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.Ordinal));
}
