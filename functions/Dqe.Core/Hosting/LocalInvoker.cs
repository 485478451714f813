using Dqe.Core.Hosting.Telemetry;

namespace Dqe.Core.Hosting;

/// <summary>
/// Runs a registered handler in-process with a made-up local context (request id, deadline = now +
/// timeout), exactly as the bootstrap would run it: same runner, same JSON logs and EMF lines (to
/// <c>log</c>), same error documents. What <c>dqe invoke</c> uses.
/// </summary>
public sealed class LocalInvoker
{
    private readonly HostServices _services;
    private readonly JsonLineWriter _log;
    private readonly HostingOptions _options;

    public LocalInvoker(HostServices services, TextWriter log, HostingOptions options)
    {
        _services = services;
        _log = new JsonLineWriter(log);
        _options = options.Validate();
    }

    /// <summary>Null when <paramref name="handler"/> is not registered.</summary>
    public async Task<HandlerResult?> InvokeAsync(string handler, byte[] payload, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "timeout must be positive");
        }

        if (HandlerRegistry.Find(handler) is not { } registration)
        {
            return null;
        }

        var runner = new InvocationRunner(registration, _services, _log, _options);
        var request = new InvocationRequest($"local-{Guid.NewGuid():N}", _services.Time.GetUtcNow() + timeout, payload, $"local:{handler}", "");
        return await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
