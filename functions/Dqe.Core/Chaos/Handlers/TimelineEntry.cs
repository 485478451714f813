namespace Dqe.Core.Chaos.Handlers;

/// <summary>One event of a run's timeline (fault start/stop, experiment status, abort, rollback).</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Detail);
