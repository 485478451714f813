namespace Dqe.Core.Hosting;

/// <summary>One invocation as delivered by the Runtime API (or made up locally by <c>dqe invoke</c>).</summary>
public sealed record InvocationRequest(
    string RequestId,
    DateTimeOffset Deadline,
    ReadOnlyMemory<byte> Payload,
    string FunctionArn = "",
    string TraceId = "");
