namespace Dqe.Core.Chaos.Handlers;

/// <summary>The error a Step Functions Catch stores under <c>$.error</c>.</summary>
public sealed record StateError(string? Error = null, string? Cause = null);
