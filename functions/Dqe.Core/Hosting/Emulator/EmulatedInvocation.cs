namespace Dqe.Core.Hosting.Emulator;

/// <summary>One event to hand out on <c>/next</c>. Deadline defaults to now + the emulator's timeout.</summary>
public sealed record EmulatedInvocation(byte[] Payload)
{
    public string RequestId { get; init; } = Guid.NewGuid().ToString();

    public DateTimeOffset? Deadline { get; init; }

    public string FunctionArn { get; init; } = "arn:aws:lambda:us-east-1:000000000000:function:dqe-local";

    public string TraceId { get; init; } = "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0";
}
