using Dqe.Core.Secrets;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>For handlers that must not read secrets: any use fails the test.</summary>
public sealed class UnusedSecretStore : ISecretStore
{
    public Task<string> GetSecretStringAsync(string secretId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"this test expects no secret to be read, got '{secretId}'");

    public Task<string?> GetSecretStageAsync(string secretId, string stage, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"this test expects no secret to be read, got '{secretId}' ({stage})");
}
