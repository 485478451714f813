using Dqe.Core.Recovery;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>Canary answering from a script (one result per probe, the last repeats).</summary>
public sealed class ScriptedCanary(params CanaryResult[] script) : IEngineCanary
{
    public int Probes { get; private set; }

    public Task<CanaryResult> ProbeAsync(CancellationToken cancellationToken) =>
        Task.FromResult(script[Math.Min(Probes++, script.Length - 1)]);
}
