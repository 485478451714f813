namespace Dqe.Core.Hosting.Emulator;

/// <summary>What the runtime posted back for one invocation (or for init).</summary>
public sealed record EmulatedOutcome(
    string RequestId,
    EmulatedOutcomeKind Kind,
    byte[] Body,
    string? ErrorType,
    string? ContentType,
    DateTimeOffset ReceivedAt)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
}
