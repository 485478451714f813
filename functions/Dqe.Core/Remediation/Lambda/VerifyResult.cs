namespace Dqe.Core.Remediation.Lambda;

/// <summary>The verify step's verdict: <see cref="Recovered"/> ends the run, otherwise it escalates with <see cref="Reason"/>.</summary>
public sealed record VerifyResult(bool Recovered, string Reason);
