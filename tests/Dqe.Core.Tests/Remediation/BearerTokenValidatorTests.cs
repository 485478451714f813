using Dqe.Core.Remediation.Webhook;

namespace Dqe.Core.Tests.Remediation;

public sealed class BearerTokenValidatorTests
{
    private readonly BearerTokenValidator _validator = new(["current-token", "next-token"]);

    [Theory]
    [InlineData("Bearer current-token")]
    [InlineData("Bearer next-token")]
    [InlineData("bearer next-token ")]
    public void Authenticate_AnyTokenOfTheRotation_IsAccepted(string header)
    {
        _validator.Authenticate(header);
    }

    [Theory]
    [InlineData(null, "missing")]
    [InlineData("", "missing")]
    [InlineData("Basic dXNlcjpwYXNz", "Bearer scheme")]
    [InlineData("Bearer current-toke", "not valid")]
    [InlineData("Bearer current-tokenX", "not valid")]
    [InlineData("Bearer ", "not valid")]
    public void Authenticate_MissingOrWrongToken_Returns401(string? header, string message)
    {
        var e = Assert.Throws<WebhookRejectedException>(() => _validator.Authenticate(header));

        Assert.Equal(401, e.StatusCode);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoUsableToken_Throws()
    {
        Assert.Throws<ArgumentException>(() => new BearerTokenValidator(["", "  "]));
    }

    [Fact]
    public void FromFile_CommentsAndBlankLines_AreIgnored()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["# rotated 2026-11-25", "", "second-token"]);

            var validator = BearerTokenValidator.FromFile(path);

            validator.Authenticate("Bearer second-token");
            Assert.Throws<WebhookRejectedException>(() => validator.Authenticate("Bearer # rotated 2026-11-25"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
