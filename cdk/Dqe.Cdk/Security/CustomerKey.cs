using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Constructs;

namespace Dqe.Cdk.Security;

/// <summary>
/// Customer-managed KMS keys of the observability stack and the engine secrets: rotated yearly, aliased
/// dqe-ENV-PURPOSE. The key policy is CDK's default (the account, so IAM policies decide who uses it); callers
/// add what narrows it further.
/// </summary>
internal static class CustomerKey
{
    public static Key Create(Construct scope, string envName, string purpose, string description, bool ephemeral) =>
        new(scope, "Key", new KeyProps
        {
            Alias = $"alias/dqe-{envName}-{purpose}",
            Description = $"Dqe {envName}: {description}",
            EnableKeyRotation = true,
            RemovalPolicy = ephemeral ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
        });
}
