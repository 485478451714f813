using System.Text;
using Dqe.Core.Kubernetes;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Kubernetes;

public class EksTokenGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 34, 56, TimeSpan.Zero);
    private static readonly AwsCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session/token+1=");

    [Fact]
    public void Generate_FixedClockAndCredentials_SameTokenEveryTime()
    {
        var generator = Generator("dqe-prod");

        Assert.Equal(generator.Generate(Credentials, Now), generator.Generate(Credentials, Now));
        Assert.NotEqual(generator.Generate(Credentials, Now).Value, Generator("dqe-dev").Generate(Credentials, Now).Value);
        Assert.NotEqual(generator.Generate(Credentials, Now).Value, generator.Generate(Credentials, Now.AddSeconds(1)).Value);
    }

    [Fact]
    public void Generate_Token_PrefixedUnpaddedBase64UrlOfPresignedStsUrl()
    {
        var token = Generator("dqe-prod").Generate(Credentials, Now);

        Assert.StartsWith("k8s-aws-v1.", token.Value, StringComparison.Ordinal);
        var body = token.Value["k8s-aws-v1.".Length..];
        Assert.DoesNotContain('=', body);
        Assert.DoesNotContain('+', body);
        Assert.DoesNotContain('/', body);
        Assert.Equal(Now.AddMinutes(14), token.Expiration);
        Assert.StartsWith("https://sts.eu-west-1.amazonaws.com/?", Decode(token.Value), StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_PresignedUrl_DocumentedParametersAndAnIndependentlyVerifiedSignature()
    {
        var url = Decode(Generator("dqe-prod").Generate(Credentials, Now).Value);
        var query = url[(url.IndexOf('?', StringComparison.Ordinal) + 1)..];
        var parameters = query.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

        Assert.Equal("GetCallerIdentity", parameters["Action"]);
        Assert.Equal("2011-06-15", parameters["Version"]);
        Assert.Equal("AWS4-HMAC-SHA256", parameters["X-Amz-Algorithm"]);
        Assert.Equal("AKIDEXAMPLE%2F20260501%2Feu-west-1%2Fsts%2Faws4_request", parameters["X-Amz-Credential"]);
        Assert.Equal("20260501T123456Z", parameters["X-Amz-Date"]);
        Assert.Equal("60", parameters["X-Amz-Expires"]);
        Assert.Equal("host%3Bx-k8s-aws-id", parameters["X-Amz-SignedHeaders"]);
        Assert.Equal("session%2Ftoken%2B1%3D", parameters["X-Amz-Security-Token"]);

        var signed = query[..query.IndexOf("&X-Amz-Signature=", StringComparison.Ordinal)];
        var canonicalRequest = "GET\n/\n" + signed + "\nhost:sts.eu-west-1.amazonaws.com\nx-k8s-aws-id:dqe-prod\n\nhost;x-k8s-aws-id\n"
            + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        var expected = IndependentSigV4.Signature(Credentials.SecretAccessKey, "20260501", "eu-west-1", "sts", "20260501T123456Z", canonicalRequest);
        Assert.Equal(expected, parameters["X-Amz-Signature"]);
    }

    [Fact]
    public void Generate_NoSessionToken_NoSecurityTokenParameter()
    {
        var url = Decode(Generator("c").Generate(Credentials with { SessionToken = null }, Now).Value);

        Assert.DoesNotContain("X-Amz-Security-Token", url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "eu-west-1", "ClusterName")]
    [InlineData("c", "EU WEST", "Region")]
    [InlineData("c", "", "Region")]
    public void Constructor_InvalidOptions_RejectedNamingTheField(string cluster, string region, string field)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new EksTokenGenerator(new EksTokenOptions { ClusterName = cluster, Region = region }));

        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public void Credentials_ToString_NeverShowsSecrets()
    {
        Assert.DoesNotContain(Credentials.SecretAccessKey, Credentials.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Credentials.SessionToken!, Credentials.ToString(), StringComparison.Ordinal);
    }

    private static EksTokenGenerator Generator(string cluster) => new(new EksTokenOptions { ClusterName = cluster, Region = "eu-west-1" });

    private static string Decode(string token)
    {
        var body = token["k8s-aws-v1.".Length..].Replace('-', '+').Replace('_', '/');
        return Encoding.UTF8.GetString(Convert.FromBase64String(body.PadRight(body.Length + ((4 - (body.Length % 4)) % 4), '=')));
    }
}
