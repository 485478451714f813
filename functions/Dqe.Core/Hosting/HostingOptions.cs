namespace Dqe.Core.Hosting;

/// <summary>
/// How invocations are run. <see cref="DeadlineMargin"/> (default 250 ms) is how long before the Lambda
/// deadline the handler's token fires, leaving time to post the timeout error before Lambda stops the
/// process. <see cref="MinimumLogLevel"/> defaults to Info (env <c>DQE_LOG_LEVEL</c> in the bootstrap).
/// </summary>
public sealed record HostingOptions
{
    public static readonly TimeSpan DefaultDeadlineMargin = TimeSpan.FromMilliseconds(250);

    public TimeSpan DeadlineMargin { get; init; } = DefaultDeadlineMargin;

    public Telemetry.LogLevel MinimumLogLevel { get; init; } = Telemetry.LogLevel.Info;

    /// <summary>Extra metric dimensions for every invocation (e.g. <c>Workflow</c> from <c>DQE_WORKFLOW</c>).</summary>
    public IReadOnlyDictionary<string, string> Dimensions { get; init; } = new Dictionary<string, string>();

    public HostingOptions Validate()
    {
        if (DeadlineMargin < TimeSpan.Zero || DeadlineMargin > TimeSpan.FromSeconds(10))
        {
            throw new ArgumentOutOfRangeException(nameof(DeadlineMargin), DeadlineMargin, "DeadlineMargin must be between 0 and 10 seconds");
        }

        return this;
    }
}
