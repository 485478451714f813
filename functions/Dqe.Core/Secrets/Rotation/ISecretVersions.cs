namespace Dqe.Core.Secrets.Rotation;

/// <summary>The Secrets Manager calls of a rotation: versions and their staging labels (AWSCURRENT, AWSPENDING, AWSPREVIOUS).</summary>
public interface ISecretVersions
{
    /// <summary>DescribeSecret: whether rotation is enabled and the labels of each version.</summary>
    Task<SecretMetadata> DescribeAsync(string secretId, CancellationToken cancellationToken);

    /// <summary>GetSecretValue of a version by id and/or label; null when that version has no value (ResourceNotFoundException).</summary>
    Task<string?> GetAsync(string secretId, string? versionId, string? stage, CancellationToken cancellationToken);

    /// <summary>PutSecretValue as version <paramref name="token"/> labelled AWSPENDING (idempotent on the token with the same value).</summary>
    Task PutPendingAsync(string secretId, string token, string value, CancellationToken cancellationToken);

    /// <summary>UpdateSecretVersionStage: moves AWSCURRENT from <paramref name="fromVersion"/> to <paramref name="toVersion"/> (Secrets Manager labels the former AWSPREVIOUS).</summary>
    Task MoveCurrentAsync(string secretId, string toVersion, string fromVersion, CancellationToken cancellationToken);
}
