using Amazon.CDK;
using Constructs;
using Dqe.Cdk.Delivery;

namespace Dqe.Cdk.Stacks;

/// <summary>The delivery pipeline and one stage per environment (<c>-c mode=pipeline</c> only).</summary>
public sealed class PipelineStack : Stack
{
    public PipelineStack(Construct scope, string id, PipelineStackProps props)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(props);
        Delivery = new DeliveryPipeline(this, "Delivery", new DeliveryPipelineProps(props.Pipeline, props.CliVersion));
        foreach (var config in props.Stages)
        {
            var stage = new EnvironmentStage(this, $"Dqe-{config.Env}", new EnvironmentStageProps(config));
            Delivery.AddEnvironment(stage, approval: props.Pipeline.ApprovalBefore.Contains(config.Env));
            Stages.Add(stage);
        }
    }

    public DeliveryPipeline Delivery { get; }

    /// <summary>The environment stages, in deploy order.</summary>
    public List<EnvironmentStage> Stages { get; } = [];
}
