using Amazon.CDK;
using Constructs;

namespace Dqe.Cdk.Stacks;

/// <summary>Network, EKS cluster with its node groups and add-ons, and the data lake.</summary>
public sealed class PlatformStack : Stack
{
    public PlatformStack(Construct scope, string id, PlatformStackProps props)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(props);
    }
}
