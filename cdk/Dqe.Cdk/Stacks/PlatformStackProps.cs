using Amazon.CDK;
using Dqe.Cdk.Config;

namespace Dqe.Cdk.Stacks;

public sealed class PlatformStackProps(DqeConfig config) : StackProps
{
    public DqeConfig Config { get; } = config;
}
