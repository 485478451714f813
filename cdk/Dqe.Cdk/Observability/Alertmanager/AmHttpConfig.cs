namespace Dqe.Cdk.Observability.Alertmanager;

/// <summary>HTTP client settings of a receiver: a bearer token from a file, TLS 1.2 at least.</summary>
public sealed record AmHttpConfig(AmAuthorization Authorization, AmTlsConfig TlsConfig);
