namespace Dqe.Cdk.Observability.Alertmanager;

/// <summary>Global settings: resolve timeout and the SMTP relay for email receivers (password read from a file).</summary>
public sealed record AmGlobal(
    string ResolveTimeout,
    string SmtpSmarthost,
    string SmtpFrom,
    string SmtpAuthUsername,
    string SmtpAuthPasswordFile,
    bool SmtpRequireTls);
