using Amazon.CDK;
using Dqe.Cdk.Config;

namespace Dqe.Cdk.Stacks;

/// <param name="pipeline">The <c>dqe:pipeline</c> settings.</param>
/// <param name="stages">Each stage's environment config, in deploy order.</param>
/// <param name="cliVersion">The aws-cdk CLI version pinned in package.json.</param>
public sealed class PipelineStackProps(PipelineConfig pipeline, IReadOnlyList<DqeConfig> stages, string cliVersion) : StackProps
{
    public PipelineConfig Pipeline { get; } = pipeline;

    public IReadOnlyList<DqeConfig> Stages { get; } = stages;

    public string CliVersion { get; } = cliVersion;
}
