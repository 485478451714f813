namespace Dqe.Core.Secrets.Rotation;

/// <summary>What a step did (Secrets Manager ignores the body; the log and <c>dqe invoke</c> show it).</summary>
public sealed record RotationResponse(string Step, string SecretId, string Outcome);
