namespace Dqe.Core.Hosting.Telemetry;

/// <summary>The fields every log line of one invocation carries.</summary>
public sealed record LogScope(string Handler, string RequestId = "", string TraceId = "");
