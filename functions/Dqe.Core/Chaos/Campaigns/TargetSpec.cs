namespace Dqe.Core.Chaos.Campaigns;

/// <summary>What the campaign may hurt: pods in <paramref name="Namespace"/> matching every label in <paramref name="Selector"/>.</summary>
public sealed record TargetSpec(string Namespace, IReadOnlyDictionary<string, string> Selector);
