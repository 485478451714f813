namespace Dqe.Lambda.Runtime;

/// <summary>One event from <c>/runtime/invocation/next</c>: its headers and body.</summary>
internal sealed record RuntimeInvocation(string RequestId, DateTimeOffset Deadline, string FunctionArn, string TraceId, byte[] Payload);
