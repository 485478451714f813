namespace Dqe.Cdk.Engines;

/// <summary>A container's resources block.</summary>
internal sealed record ResourceValues(ResourceAmounts Requests, ResourceAmounts Limits);
