using Dqe.Core.Kubernetes;

namespace Dqe.Core.Tests.Kubernetes;

public class SigV4PresignerTests
{
    [Fact]
    public void Presign_PublishedS3Example_ProducesTheDocumentedSignature()
    {
        // The worked example of AWS's "Authenticating Requests: Using Query Parameters (SigV4)" page.
        var request = new PresignRequest(
            "GET",
            "examplebucket.s3.amazonaws.com",
            "/test.txt",
            [],
            new Dictionary<string, string>(),
            "us-east-1",
            "s3",
            TimeSpan.FromSeconds(86400),
            SigV4Presigner.UnsignedPayload);
        var credentials = new AwsCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

        var url = SigV4Presigner.Presign(request, credentials, new DateTimeOffset(2013, 5, 24, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(
            "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z"
            + "&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
            + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
            url);
    }

    [Theory]
    [InlineData("abc-_.~XYZ09", "abc-_.~XYZ09")]
    [InlineData("a b", "a%20b")]
    [InlineData("a/b;c=d+e", "a%2Fb%3Bc%3Dd%2Be")]
    [InlineData("é", "%C3%A9")]
    public void UriEncode_Value_Rfc3986UpperHex(string value, string expected)
    {
        Assert.Equal(expected, SigV4Presigner.UriEncode(value));
    }
}
