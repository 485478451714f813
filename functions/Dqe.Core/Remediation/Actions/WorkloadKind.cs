namespace Dqe.Core.Remediation.Actions;

public enum WorkloadKind
{
    Deployment,
    StatefulSet,
}
