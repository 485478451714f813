namespace Dqe.Cdk.Observability;

/// <param name="EnvName">Environment name; secrets are named dqe/ENV/observability/NAME.</param>
/// <param name="Ephemeral">Throwaway environment: secrets are deleted with the stack instead of retained.</param>
public sealed record ObservabilitySecretsProps(string EnvName, bool Ephemeral);
