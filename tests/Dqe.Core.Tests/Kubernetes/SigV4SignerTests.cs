using System.Text;
using Dqe.Core.Kubernetes;

namespace Dqe.Core.Tests.Kubernetes;

public sealed class SigV4SignerTests
{
    // The AWS Signature Version 4 test suite's credentials and time.
    private static readonly AwsCredentials Suite = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    [Theory]
    [InlineData("GET", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")] // get-vanilla
    [InlineData("POST", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")] // post-vanilla
    public void Authorization_TestSuiteVanillaRequests_MatchesPublishedSignature(string method, string signature)
    {
        var authorization = SigV4Signer.Authorization(method, new Uri("https://example.amazonaws.com/"),
            [new("X-Amz-Date", "20150830T123600Z")], [], "us-east-1", "service", Suite, "20150830T123600Z");

        Assert.Equal(
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature={signature}",
            authorization);
    }

    [Fact]
    public void Sign_JsonRequestWithSessionToken_SignsTargetContentTypeAndTokenAndMatchesAnIndependentComputation()
    {
        var body = Encoding.UTF8.GetBytes("""{"SecretId":"dqe/dev/trino"}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://secretsmanager.eu-west-1.amazonaws.com/") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "secretsmanager.GetSecretValue");

        SigV4Signer.Sign(request, body, "eu-west-1", "secretsmanager", Suite with { SessionToken = "session" }, new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));

        var authorization = request.Headers.GetValues("Authorization").Single();
        Assert.Contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target,", authorization, StringComparison.Ordinal);
        Assert.Equal("session", request.Headers.GetValues("x-amz-security-token").Single());
        var canonical = "POST\n/\n\ncontent-type:application/x-amz-json-1.1\nhost:secretsmanager.eu-west-1.amazonaws.com\nx-amz-date:20261201T060000Z\n"
            + "x-amz-security-token:session\nx-amz-target:secretsmanager.GetSecretValue\n\ncontent-type;host;x-amz-date;x-amz-security-token;x-amz-target\n"
            + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body));
        var expected = TestHelpers.IndependentSigV4.Signature(Suite.SecretAccessKey, "20261201", "eu-west-1", "secretsmanager", "20261201T060000Z", canonical);
        Assert.EndsWith($"Signature={expected}", authorization, StringComparison.Ordinal);
    }
}
