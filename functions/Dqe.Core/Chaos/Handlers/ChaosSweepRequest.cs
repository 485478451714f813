namespace Dqe.Core.Chaos.Handlers;

/// <summary>Input of the scheduled sweeper (EventBridge sends an event; nothing in it is needed).</summary>
public sealed record ChaosSweepRequest(string? Note = null);
