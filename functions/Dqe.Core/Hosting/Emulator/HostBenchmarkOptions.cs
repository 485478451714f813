namespace Dqe.Core.Hosting.Emulator;

/// <summary>
/// Settings of the host benchmark: <see cref="Runs"/> cold starts per build (default 5), then
/// <see cref="WarmInvocations"/> more invocations (default 20) before reading peak RSS, each against
/// <see cref="Handler"/> (default <c>dqe.ping</c>); a start not answered within <see cref="Patience"/> fails.
/// </summary>
public sealed record HostBenchmarkOptions
{
    public int Runs { get; init; } = 5;

    public int WarmInvocations { get; init; } = 20;

    public string Handler { get; init; } = "dqe.ping";

    public string Event { get; init; } = """{"note":"bench"}""";

    public TimeSpan Patience { get; init; } = TimeSpan.FromMinutes(1);

    public HostBenchmarkOptions Validate()
    {
        if (Runs is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(Runs), Runs, "Runs must be 1..100");
        }

        if (WarmInvocations is < 0 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(WarmInvocations), WarmInvocations, "WarmInvocations must be 0..10000");
        }

        if (HandlerRegistry.Find(Handler) is null)
        {
            throw new ArgumentException($"Handler '{Handler}' is not registered", nameof(Handler));
        }

        return this;
    }
}
