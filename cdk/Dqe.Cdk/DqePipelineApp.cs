using Amazon.CDK;
using Dqe.Cdk.Config;
using Dqe.Cdk.Delivery;
using Dqe.Cdk.Stacks;

namespace Dqe.Cdk;

/// <summary>The app in pipeline mode (<c>-c mode=pipeline</c>): only the pipeline stack, with the environments as its stages.</summary>
public static class DqePipelineApp
{
    public const string ModeKey = "mode";
    public const string PipelineMode = "pipeline";

    public static PipelineStack Build(App app, PipelineConfig pipeline, IReadOnlyList<DqeConfig> stages)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(pipeline);
        // Stages without an account deploy into the pipeline's account: cross-region stages need it concrete.
        var placed = stages.Select(s => s with { Account = s.Account ?? pipeline.Account }).ToList();
        return new PipelineStack(app, "Dqe-Pipeline", new PipelineStackProps(pipeline, placed, CdkCli.PinnedVersion())
        {
            Env = new Amazon.CDK.Environment { Account = pipeline.Account, Region = pipeline.Region },
            Description = $"Dqe delivery pipeline: {string.Join(" -> ", stages.Select(s => s.Env))}",
        });
    }
}
