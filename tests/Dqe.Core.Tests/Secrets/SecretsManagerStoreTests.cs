using Dqe.Core.Kubernetes;
using Dqe.Core.Secrets;
using Dqe.Core.Tests.TestHelpers;
using Dqe.TestServers.Hosting;
using Dqe.TestServers.Secrets;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.Secrets;

public sealed class SecretsManagerStoreTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private FakeSecretsManager _server = null!;

    public async Task InitializeAsync() => _server = await FakeSecretsManager.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private SecretsManagerStore Store() =>
        new(_http, new StaticCredentialsSource(new AwsCredentials("AKIDEXAMPLE", "secret", "token")), "eu-west-1", _time, _server.BaseUri);

    [Fact]
    public async Task GetSecretString_ExistingSecret_ReturnsValueWithASignedJsonRequest()
    {
        _server.Put("arn:aws:secretsmanager:eu-west-1:1:secret:dqe/dev/trino-AbCdEf", """{"user":"dqe","password":"p"}""");

        var value = await Store().GetSecretStringAsync("arn:aws:secretsmanager:eu-west-1:1:secret:dqe/dev/trino-AbCdEf", CancellationToken.None);

        Assert.Equal("""{"user":"dqe","password":"p"}""", value);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("""{"SecretId":"arn:aws:secretsmanager:eu-west-1:1:secret:dqe/dev/trino-AbCdEf"}""", request.Body);
        Assert.Contains("Credential=AKIDEXAMPLE/20261201/eu-west-1/secretsmanager/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal("token", request.Headers["X-Amz-Security-Token"]);
    }

    [Fact]
    public async Task GetSecretString_WithinCacheTime_CallsOnceAndPicksUpRotationAfterExpiry()
    {
        _server.Put("dqe/dev/clickhouse", "v1");
        var store = Store();

        Assert.Equal("v1", await store.GetSecretStringAsync("dqe/dev/clickhouse", CancellationToken.None));
        _server.Put("dqe/dev/clickhouse", "v2");
        _time.Advance(SecretsManagerStore.CacheFor - TimeSpan.FromSeconds(1));
        Assert.Equal("v1", await store.GetSecretStringAsync("dqe/dev/clickhouse", CancellationToken.None));
        Assert.Single(_server.Requests);

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("v2", await store.GetSecretStringAsync("dqe/dev/clickhouse", CancellationToken.None));
        Assert.Equal(2, _server.Requests.Count);
    }

    [Theory]
    [InlineData("dqe/dev/missing", false, "secret 'dqe/dev/missing': ResourceNotFoundException: Secrets Manager can't find the specified secret.")]
    [InlineData("dqe/dev/denied", true, "secret 'dqe/dev/denied': AccessDeniedException: not authorized to perform secretsmanager:GetSecretValue on dqe/dev/denied")]
    public async Task GetSecretString_ServiceError_ThrowsNamingSecretAndErrorType(string id, bool denied, string message)
    {
        if (denied)
        {
            _server.Put(id, "value-never-shown");
            _server.Denied[id] = true;
        }

        var error = await Assert.ThrowsAsync<SecretUnavailableException>(() => Store().GetSecretStringAsync(id, CancellationToken.None));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task GetSecretString_Unreachable_ThrowsNamingTheEndpoint()
    {
        using var port = new ClosedLoopbackPort();
        var closed = port.Uri;
        var store = new SecretsManagerStore(_http, new StaticCredentialsSource(new AwsCredentials("a", "b")), "eu-west-1", _time, closed);

        var error = await Assert.ThrowsAsync<SecretUnavailableException>(() => store.GetSecretStringAsync("dqe/dev/x", CancellationToken.None));

        Assert.StartsWith($"secret 'dqe/dev/x': Secrets Manager at {closed} is unreachable", error.Message, StringComparison.Ordinal);
    }
}
