namespace Dqe.Core.Chaos.Campaigns;

/// <summary>
/// One fault. <see cref="Type"/> is one of <see cref="FaultTypes"/>; the other fields apply per type
/// (docs/chaos.md lists which). Pods default to the campaign target; <see cref="Duration"/> defaults to the
/// campaign's.
/// </summary>
public sealed record FaultSpec(
    string Name,
    string Type,
    string? Namespace = null,
    IReadOnlyDictionary<string, string>? Selector = null,
    string Mode = "one",
    int? Value = null,
    string? Duration = null,
    IReadOnlyList<string>? ContainerNames = null,
    string? Latency = null,
    string? Jitter = null,
    int? LossPercent = null,
    string Direction = "to",
    PeerSpec? Peer = null,
    int? Workers = null,
    int? Load = null,
    string? Size = null,
    string Scope = "node");
