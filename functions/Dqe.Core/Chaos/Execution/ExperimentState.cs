namespace Dqe.Core.Chaos.Execution;

/// <summary>One Chaos Mesh object's progress as its status reports it.</summary>
public sealed record ExperimentState(string Name, string Kind, bool Injected, bool Recovered, string? Failure);
