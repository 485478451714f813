using System.Text;

namespace Dqe.Core.Kubernetes;

/// <summary>
/// Builds the token <c>aws eks get-token</c> builds: a SigV4-presigned STS GetCallerIdentity URL whose
/// signed headers include <c>x-k8s-aws-id: &lt;cluster&gt;</c>, base64url-encoded without padding and
/// prefixed with <c>k8s-aws-v1.</c>. Pure: the same credentials and clock give the same token.
/// </summary>
internal sealed class EksTokenGenerator
{
    public const string Prefix = "k8s-aws-v1.";
    public const string ClusterHeader = "x-k8s-aws-id";
    private readonly EksTokenOptions _options;

    public EksTokenGenerator(EksTokenOptions options)
    {
        _options = options.Validate();
    }

    public EksToken Generate(AwsCredentials credentials, DateTimeOffset now)
    {
        var request = new PresignRequest(
            "GET",
            $"sts.{_options.Region}.amazonaws.com",
            "/",
            [new("Action", "GetCallerIdentity"), new("Version", "2011-06-15")],
            new Dictionary<string, string> { [ClusterHeader] = _options.ClusterName },
            _options.Region,
            "sts",
            _options.PresignExpiry,
            SigV4Presigner.EmptyPayloadHash);
        var url = SigV4Presigner.Presign(request, credentials, now);
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(url)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new EksToken(Prefix + encoded, now + _options.TokenLifetime);
    }
}
