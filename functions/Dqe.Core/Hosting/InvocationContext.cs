using Dqe.Core.Hosting.Telemetry;

namespace Dqe.Core.Hosting;

/// <summary>
/// What a handler knows about its invocation. Built by the Lambda runtime loop from the Runtime API
/// headers, or by <c>dqe invoke</c> locally; handlers never see where it came from.
/// </summary>
public sealed record InvocationContext
{
    public required string RequestId { get; init; }

    public required string HandlerName { get; init; }

    /// <summary>Absolute deadline; the invocation's CancellationToken fires shortly before it.</summary>
    public required DateTimeOffset Deadline { get; init; }

    public string FunctionArn { get; init; } = "";

    public string FunctionName { get; init; } = "";

    /// <summary>X-Ray header (<c>Root=...;Parent=...;Sampled=...</c>), empty when not traced.</summary>
    public string TraceId { get; init; } = "";

    public required IFunctionLog Log { get; init; }

    public required IMetrics Metrics { get; init; }

    public TimeSpan RemainingTime(TimeProvider time)
    {
        var remaining = Deadline - time.GetUtcNow();
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }
}
