namespace Dqe.Core.Chaos.Campaigns;

/// <summary>The other side of a network fault (e.g. the Trino coordinator when the fault targets workers).</summary>
public sealed record PeerSpec(IReadOnlyDictionary<string, string> Selector, string? Namespace = null);
