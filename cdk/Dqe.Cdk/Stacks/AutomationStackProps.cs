using Amazon.CDK;
using Dqe.Cdk.Config;
using Dqe.Workflows.Building;

namespace Dqe.Cdk.Stacks;

/// <param name="Config">The environment's configuration.</param>
/// <param name="Platform">Network, cluster and lake the functions work against.</param>
/// <param name="Workflows">The state machines to deploy (WorkflowCatalog.All in the app).</param>
public sealed class AutomationStackProps(DqeConfig config, PlatformStack platform, IReadOnlyList<IWorkflow> workflows) : StackProps
{
    public DqeConfig Config { get; } = config;

    public PlatformStack Platform { get; } = platform;

    public IReadOnlyList<IWorkflow> Workflows { get; } = workflows;
}
