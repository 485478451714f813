namespace Dqe.Core.Kubernetes;

/// <summary>
/// EKS token settings, defaults as <c>aws eks get-token</c>: the presigned URL is valid
/// <see cref="PresignExpiry"/> (60 s, <c>X-Amz-Expires</c>), the API server accepts the token about
/// 15 minutes, so it is treated as valid for <see cref="TokenLifetime"/> (14 min) and replaced
/// <see cref="RefreshMargin"/> (1 min) before that.
/// </summary>
public sealed record EksTokenOptions
{
    public required string ClusterName { get; init; }

    public required string Region { get; init; }

    public TimeSpan PresignExpiry { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromMinutes(14);

    public TimeSpan RefreshMargin { get; init; } = TimeSpan.FromMinutes(1);

    public EksTokenOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(ClusterName))
        {
            throw new ArgumentException("ClusterName is required for an EKS token", nameof(ClusterName));
        }

        if (string.IsNullOrWhiteSpace(Region) || !Region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException($"Region '{Region}' is not an AWS region name", nameof(Region));
        }

        if (PresignExpiry <= TimeSpan.Zero || PresignExpiry > TimeSpan.FromMinutes(15))
        {
            throw new ArgumentOutOfRangeException(nameof(PresignExpiry), PresignExpiry, "PresignExpiry must be within (0, 15 min]");
        }

        if (RefreshMargin < TimeSpan.Zero || RefreshMargin >= TokenLifetime || TokenLifetime > TimeSpan.FromMinutes(15))
        {
            throw new ArgumentOutOfRangeException(nameof(RefreshMargin), RefreshMargin, "need 0 <= RefreshMargin < TokenLifetime <= 15 min");
        }

        return this;
    }
}
