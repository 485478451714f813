namespace Dqe.Core.Engines;

/// <summary>A non-fatal message the engine attached to a statement.</summary>
public sealed record QueryWarning(string Code, string Message);
