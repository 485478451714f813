using Dqe.Core.Secrets;

namespace Dqe.Cli.Tests.TestHelpers;

/// <summary>Local runs have no Secrets Manager: a read is an error naming the secret, as a missing grant would be.</summary>
public sealed class NoSecrets : ISecretStore
{
    public Task<string> GetSecretStringAsync(string secretId, CancellationToken cancellationToken) =>
        throw new SecretUnavailableException($"secret '{secretId}': no Secrets Manager in this test");

    public Task<string?> GetSecretStageAsync(string secretId, string stage, CancellationToken cancellationToken) =>
        throw new SecretUnavailableException($"secret '{secretId}' ({stage}): no Secrets Manager in this test");
}
