using Dqe.Core.Remediation.Webhook;

namespace Dqe.Core.Remediation;

/// <summary>What the decision engine concluded for one alert; <see cref="Target"/> is null when none could be resolved.</summary>
public sealed record RemediationDecision(
    string Id,
    ValidAlert Alert,
    string Action,
    RemediationTarget? Target,
    string Outcome,
    string Reason,
    bool DryRun)
{
    /// <summary>Key of the circuit breaker: the same alert (fingerprint) on the same target.</summary>
    public string AlertKey => $"{Alert.Fingerprint}|{Target?.Key ?? "-"}";

    /// <summary>The cooldown slot this decision took (null when it took none), so a failed dispatch can give it back.</summary>
    public string? CooldownKey { get; init; }
}
