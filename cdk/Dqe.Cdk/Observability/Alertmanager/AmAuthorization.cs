namespace Dqe.Cdk.Observability.Alertmanager;

/// <summary>Authorization header whose credentials are read from a mounted secret file, never inlined.</summary>
public sealed record AmAuthorization(string CredentialsFile, string Type = "Bearer");
