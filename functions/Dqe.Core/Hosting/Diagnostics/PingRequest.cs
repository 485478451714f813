namespace Dqe.Core.Hosting.Diagnostics;

/// <summary>
/// Request of <c>dqe.ping</c>. <see cref="DelayMs"/> (0..900000) makes it wait, honouring the deadline;
/// <see cref="Fail"/> makes it throw — both exist to exercise the host's timeout and error paths.
/// </summary>
public sealed record PingRequest(string? Note = null, int DelayMs = 0, bool Fail = false);
