namespace Dqe.Core.Secrets;

/// <summary>Reads secret values at run time, so no secret is ever in a template, an environment variable or an input.</summary>
public interface ISecretStore
{
    /// <summary>The SecretString of <paramref name="secretId"/> (ARN or name); throws <see cref="SecretUnavailableException"/> when it cannot be read.</summary>
    Task<string> GetSecretStringAsync(string secretId, CancellationToken cancellationToken);

    /// <summary>
    /// The SecretString of the version labelled <paramref name="stage"/> (AWSCURRENT, AWSPREVIOUS), read from the
    /// service now rather than from a cache; null when no version carries that label. A fresh AWSCURRENT replaces
    /// the value <see cref="GetSecretStringAsync"/> returns. Throws <see cref="SecretUnavailableException"/> when it cannot be read.
    /// </summary>
    Task<string?> GetSecretStageAsync(string secretId, string stage, CancellationToken cancellationToken);
}
