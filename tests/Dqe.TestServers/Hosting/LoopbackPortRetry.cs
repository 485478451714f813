using Microsoft.AspNetCore.Connections;

namespace Dqe.TestServers.Hosting;

/// <summary>
/// Starts something that binds ports it was given (a process, a listener on a fixed port) and, when one was taken
/// between choosing and binding (test projects run in parallel on CI), starts it again on a fresh set.
/// </summary>
public static class LoopbackPortRetry
{
    public const int Attempts = 3;

    /// <param name="count">How many distinct ports <paramref name="start"/> needs.</param>
    /// <param name="start">Starts on the given ports; throws <see cref="AddressInUseException"/> when one was taken.</param>
    /// <param name="ports">Where ports come from; null = <see cref="FreeLoopbackPorts"/>.</param>
    public static async Task<T> StartAsync<T>(int count, Func<IReadOnlyList<int>, Task<T>> start, ILoopbackPorts? ports = null)
    {
        ArgumentNullException.ThrowIfNull(start);
        ports ??= FreeLoopbackPorts.Instance;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await start(ports.Choose(count)).ConfigureAwait(false);
            }
            catch (AddressInUseException) when (attempt < Attempts)
            {
                // Another test took a port first; the next attempt chooses a fresh set.
            }
            catch (AddressInUseException e)
            {
                throw new InvalidOperationException($"gave up after {Attempts} attempts, a port was taken each time: {e.Message}", e);
            }
        }
    }
}
