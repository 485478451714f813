using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace Dqe.Cdk.Platform;

/// <summary>
/// The VPC: public subnets for load balancers and NAT, private subnets (with egress) for nodes and engines,
/// flow logs of all traffic, and an S3 gateway endpoint so lake traffic never crosses a NAT gateway.
/// </summary>
public sealed class Network : Construct
{
    public Network(Construct scope, string id, NetworkProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Vpc = new Vpc(this, "Vpc", new VpcProps
        {
            IpAddresses = IpAddresses.Cidr(props.Config.Cidr),
            // Explicit zones: synth needs no account lookup and the 3-AZ layout is fixed per environment.
            AvailabilityZones = [.. props.Config.AvailabilityZones],
            NatGateways = props.Config.NatGateways,
            SubnetConfiguration =
            [
                new SubnetConfiguration { Name = "public", SubnetType = SubnetType.PUBLIC, CidrMask = 22 },
                new SubnetConfiguration { Name = "private", SubnetType = SubnetType.PRIVATE_WITH_EGRESS, CidrMask = 19 },
            ],
            RestrictDefaultSecurityGroup = true,
            GatewayEndpoints = new Dictionary<string, IGatewayVpcEndpointOptions>
            {
                ["S3"] = new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 },
            },
        });

        var flowLogGroup = new LogGroup(this, "FlowLogs", new LogGroupProps
        {
            Retention = Retention.From(props.FlowLogRetentionDays),
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        Vpc.AddFlowLog("AllTraffic", new FlowLogOptions
        {
            Destination = FlowLogDestination.ToCloudWatchLogs(flowLogGroup),
            TrafficType = FlowLogTrafficType.ALL,
        });
    }

    public Vpc Vpc { get; }

    /// <summary>Where nodes and query engines run: private subnets only.</summary>
    public static SubnetSelection PrivateSubnets => new() { SubnetType = SubnetType.PRIVATE_WITH_EGRESS };
}
