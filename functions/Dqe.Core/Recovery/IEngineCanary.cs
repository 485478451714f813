namespace Dqe.Core.Recovery;

/// <summary>One canary round: a trivial query on each engine.</summary>
public interface IEngineCanary
{
    Task<CanaryResult> ProbeAsync(CancellationToken cancellationToken);
}
