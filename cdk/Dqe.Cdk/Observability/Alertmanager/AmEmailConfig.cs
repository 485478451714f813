namespace Dqe.Cdk.Observability.Alertmanager;

/// <summary>Email through the global SMTP relay.</summary>
public sealed record AmEmailConfig(string To, bool SendResolved = false);
