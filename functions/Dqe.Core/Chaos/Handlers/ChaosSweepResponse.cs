namespace Dqe.Core.Chaos.Handlers;

/// <summary>What the sweeper removed and what is still left.</summary>
public sealed record ChaosSweepResponse(IReadOnlyList<string> Deleted, IReadOnlyList<string> Uncordoned, IReadOnlyList<string> Remaining);
