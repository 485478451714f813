using Amazon.CDK;
using Dqe.Cdk.Config;
using Dqe.Workflows.Building;

namespace Dqe.Cdk.Stacks;

/// <param name="Config">The environment's configuration.</param>
/// <param name="Platform">Network, cluster and lake the functions work against.</param>
/// <param name="Engines">Engine endpoints, credentials and the automation RBAC the functions use.</param>
/// <param name="Workflows">The state machines to deploy (WorkflowCatalog.All in the app).</param>
public sealed class AutomationStackProps(DqeConfig config, PlatformStack platform, EnginesStack engines, IReadOnlyList<IWorkflow> workflows) : StackProps
{
    public DqeConfig Config { get; } = config;

    public PlatformStack Platform { get; } = platform;

    public EnginesStack Engines { get; } = engines;

    public IReadOnlyList<IWorkflow> Workflows { get; } = workflows;
}
