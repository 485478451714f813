namespace Dqe.Cdk.Engines;

/// <param name="EnvName">Environment name (alias <c>alias/dqe-ENV-engine-secrets</c>).</param>
/// <param name="Ephemeral">Destroy the key with the stack (ephemeral environments); otherwise it is retained.</param>
public sealed record EngineSecretsKeyProps(string EnvName, bool Ephemeral);
