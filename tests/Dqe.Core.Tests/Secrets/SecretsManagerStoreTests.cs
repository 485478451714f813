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

    [Fact]
    public async Task GetSecretStage_Current_ReadsPastTheCacheAndRefreshesIt()
    {
        _server.Put("dqe/dev/trino", "v1");
        var store = Store();
        await store.GetSecretStringAsync("dqe/dev/trino", CancellationToken.None);
        _server.Put("dqe/dev/trino", "v2");

        var fresh = await store.GetSecretStageAsync("dqe/dev/trino", "AWSCURRENT", CancellationToken.None);
        var cached = await store.GetSecretStringAsync("dqe/dev/trino", CancellationToken.None);

        Assert.Equal("v2", fresh);
        Assert.Equal("v2", cached);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal("""{"SecretId":"dqe/dev/trino","VersionStage":"AWSCURRENT"}""", _server.Requests.Last().Body);
    }

    [Fact]
    public async Task GetSecretStage_Previous_ReturnsTheFormerValueAndLeavesTheCache()
    {
        _server.Put("dqe/dev/trino", "v1");
        _server.Put("dqe/dev/trino", "v2");
        var store = Store();

        var previous = await store.GetSecretStageAsync("dqe/dev/trino", "AWSPREVIOUS", CancellationToken.None);

        Assert.Equal("v1", previous);
        Assert.Equal("v2", await store.GetSecretStringAsync("dqe/dev/trino", CancellationToken.None));
    }

    [Fact]
    public async Task GetSecretStage_NeverRotated_NullForAwsPrevious()
    {
        _server.Put("dqe/dev/clickhouse", "v1");

        Assert.Null(await Store().GetSecretStageAsync("dqe/dev/clickhouse", "AWSPREVIOUS", CancellationToken.None));
    }

    [Fact]
    public async Task GetSecretStage_Denied_ThrowsNamingTheSecret()
    {
        _server.Put("dqe/dev/denied", "value-never-shown");
        _server.Denied["dqe/dev/denied"] = true;

        var error = await Assert.ThrowsAsync<SecretUnavailableException>(() => Store().GetSecretStageAsync("dqe/dev/denied", "AWSPREVIOUS", CancellationToken.None));

        Assert.StartsWith("secret 'dqe/dev/denied': AccessDeniedException", error.Message, StringComparison.Ordinal);
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
