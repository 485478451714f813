namespace Dqe.Core.Remediation.Guardrails;

/// <summary>Whether an action may run now; <see cref="Reason"/> explains a refusal.</summary>
public sealed record ReservationResult(bool Reserved, string Reason)
{
    public static ReservationResult Ok { get; } = new(true, "within rate limit and blast radius");
}
