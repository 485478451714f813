using Dqe.Core.Hosting;

namespace Dqe.Lambda.Runtime;

/// <summary>The Lambda Runtime API (2018-06-01) as the loop uses it.</summary>
internal interface IRuntimeApi
{
    /// <summary>Blocks until Lambda has an event (no client timeout: the process may be frozen in between).</summary>
    Task<RuntimeInvocation> NextAsync(CancellationToken cancellationToken);

    Task PostResponseAsync(string requestId, byte[] response, CancellationToken cancellationToken);

    Task PostErrorAsync(string requestId, ErrorDocument error, CancellationToken cancellationToken);

    Task PostInitErrorAsync(ErrorDocument error, CancellationToken cancellationToken);
}
