namespace Dqe.Cdk.Observability.Alertmanager;

/// <summary>TLS client settings.</summary>
public sealed record AmTlsConfig(string MinVersion = "TLS12");
