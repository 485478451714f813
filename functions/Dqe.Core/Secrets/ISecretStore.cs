namespace Dqe.Core.Secrets;

/// <summary>Reads secret values at run time, so no secret is ever in a template, an environment variable or an input.</summary>
public interface ISecretStore
{
    /// <summary>The SecretString of <paramref name="secretId"/> (ARN or name); throws <see cref="SecretUnavailableException"/> when it cannot be read.</summary>
    Task<string> GetSecretStringAsync(string secretId, CancellationToken cancellationToken);
}
