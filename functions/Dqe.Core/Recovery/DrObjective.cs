namespace Dqe.Core.Recovery;

/// <summary>Recovery time and recovery point objectives of one scenario, in seconds.</summary>
public sealed record DrObjective(double RtoSeconds, double RpoSeconds);
