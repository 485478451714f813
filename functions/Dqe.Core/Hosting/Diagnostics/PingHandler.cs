using Dqe.Core.Hosting.Telemetry;

namespace Dqe.Core.Hosting.Diagnostics;

/// <summary>The diagnostic handler every deployment ships: proves the host, the context and the deadline work.</summary>
internal sealed class PingHandler : FunctionHandler<PingRequest, PingResponse>
{
    public const string Name = "dqe.ping";
    internal const int MaxDelayMs = 900_000;
    private readonly TimeProvider _time;

    public PingHandler(TimeProvider time)
        : base(PingJsonContext.Default.PingRequest, PingJsonContext.Default.PingResponse)
    {
        _time = time;
    }

    protected override async Task<PingResponse> HandleAsync(PingRequest request, InvocationContext context, CancellationToken cancellationToken)
    {
        if (request.DelayMs is < 0 or > MaxDelayMs)
        {
            throw new InvalidRequestException("$.delayMs", $"must be between 0 and {MaxDelayMs}, got {request.DelayMs}");
        }

        if (request.DelayMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(request.DelayMs), _time, cancellationToken).ConfigureAwait(false);
        }

        if (request.Fail)
        {
            throw new InvalidOperationException($"ping asked to fail (note: {request.Note ?? "none"})");
        }

        context.Log.Info($"ping: {request.Note ?? "(no note)"}");
        context.Metrics.Add("Pings", 1, MetricUnit.Count);
        return new PingResponse(
            request.Note ?? "",
            DqeVersion.Current,
            context.FunctionName,
            context.RequestId,
            (long)context.RemainingTime(_time).TotalMilliseconds);
    }
}
