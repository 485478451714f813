using Amazon.CDK;
using Constructs;
using Dqe.Cdk.Config;

namespace Dqe.Cdk.Delivery;

/// <summary>
/// One environment as a pipeline stage: the very stacks <c>cdk deploy -c env=NAME --all</c> deploys, built by
/// <see cref="DqeApp"/> with the same names, so the pipeline takes over stacks deployed by hand.
/// </summary>
public sealed class EnvironmentStage : Stage
{
    public EnvironmentStage(Construct scope, string id, EnvironmentStageProps props)
        : base(scope, id, new StageProps
        {
            Env = new Amazon.CDK.Environment { Account = props?.Config.Account, Region = props?.Config.Region },
        })
    {
        ArgumentNullException.ThrowIfNull(props);
        Config = props.Config;
        Stacks = DqeApp.Build(this, props.Config);
    }

    public DqeConfig Config { get; }

    public DqeStacks Stacks { get; }
}
