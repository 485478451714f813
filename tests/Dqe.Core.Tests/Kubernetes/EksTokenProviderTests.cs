using Dqe.Core.Kubernetes;
using Dqe.Core.Tests.TestHelpers;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.Kubernetes;

public class EksTokenProviderTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly CountingCredentialsSource _credentials = new();

    [Fact]
    public async Task GetTokenAsync_BeforeRefreshMargin_ReusesTheCachedToken()
    {
        using var provider = Provider();
        var first = await provider.GetTokenAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(13) - TimeSpan.FromSeconds(1));
        var second = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(1, _credentials.Calls);
    }

    [Fact]
    public async Task GetTokenAsync_WithinRefreshMarginOfExpiry_SignsANewToken()
    {
        using var provider = Provider();
        var first = await provider.GetTokenAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(13));
        var second = await provider.GetTokenAsync(CancellationToken.None);

        Assert.NotEqual(first.Value, second.Value);
        Assert.Equal(_time.GetUtcNow().AddMinutes(14), second.Expiration);
        Assert.Equal(2, _credentials.Calls);
    }

    [Fact]
    public async Task GetAuthenticationHeaderAsync_ConcurrentCallers_OneSigningAndABearerHeader()
    {
        using var provider = Provider();

        var headers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => provider.GetAuthenticationHeaderAsync(CancellationToken.None))));

        Assert.All(headers, h => Assert.Equal("Bearer", h.Scheme));
        Assert.Single(headers.Select(h => h.Parameter).Distinct());
        Assert.StartsWith("k8s-aws-v1.", headers[0].Parameter, StringComparison.Ordinal);
        Assert.Equal(1, _credentials.Calls);
    }

    private EksTokenProvider Provider() => new(new EksTokenOptions { ClusterName = "dqe", Region = "us-east-1" }, _credentials, _time);
}
