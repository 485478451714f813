namespace Dqe.Core.Recovery;

/// <summary>One line of a drill's timeline.</summary>
public sealed record DrillEvent(DateTimeOffset At, string Kind, string Detail);
