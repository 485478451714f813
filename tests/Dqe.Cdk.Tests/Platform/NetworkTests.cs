using Amazon.CDK.Assertions;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Platform;

public sealed class NetworkTests
{
    [Theory]
    [InlineData("dev", 1)]
    [InlineData("staging", 1)]
    [InlineData("prod", 3)]
    [InlineData("dr", 3)]
    public void Vpc_PerEnvironment_SpansThreeZonesWithConfiguredNatGateways(string env, int natGateways)
    {
        var template = Synth.Env(env).Platform;

        template.ResourceCountIs("AWS::EC2::NatGateway", natGateways);
        template.ResourcePropertiesCountIs("AWS::EC2::Subnet", Match.ObjectLike(new Dictionary<string, object> { ["MapPublicIpOnLaunch"] = false }), 3);
        template.ResourcePropertiesCountIs("AWS::EC2::Subnet", Match.ObjectLike(new Dictionary<string, object> { ["MapPublicIpOnLaunch"] = true }), 3);
    }
}
