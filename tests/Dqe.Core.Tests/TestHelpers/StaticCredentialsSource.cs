using Dqe.Core.Kubernetes;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>The same credentials on every call (with or without a session token).</summary>
public sealed class StaticCredentialsSource(AwsCredentials credentials) : IAwsCredentialsSource
{
    public ValueTask<AwsCredentials> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credentials);
}
