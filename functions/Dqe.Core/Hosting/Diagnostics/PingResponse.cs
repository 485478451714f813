namespace Dqe.Core.Hosting.Diagnostics;

public sealed record PingResponse(string Note, string Version, string FunctionName, string RequestId, long RemainingMs);
