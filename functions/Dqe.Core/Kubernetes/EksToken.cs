namespace Dqe.Core.Kubernetes;

/// <summary>A bearer token for the EKS API server and when to stop using it.</summary>
public sealed record EksToken(string Value, DateTimeOffset Expiration)
{
    public override string ToString() => $"EksToken {{ Expiration = {Expiration:O} }}";
}
