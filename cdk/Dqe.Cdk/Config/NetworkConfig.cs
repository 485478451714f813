namespace Dqe.Cdk.Config;

/// <summary>The VPC: address range, zones and egress.</summary>
public sealed record NetworkConfig
{
    /// <summary>IPv4 range of the VPC, a /16 to /20.</summary>
    public string Cidr { get; init; } = "10.40.0.0/16";

    /// <summary>Availability zones to span, named explicitly so synth needs no account lookup (2-3; 3 for engines' quorum).</summary>
    public IReadOnlyList<string> AvailabilityZones { get; init; } = ["eu-west-1a", "eu-west-1b", "eu-west-1c"];

    /// <summary>NAT gateways: one per AZ for zone-independent egress in prod, one to save cost in dev (1..AZ count).</summary>
    public int NatGateways { get; init; } = 1;
}
