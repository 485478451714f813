using Dqe.Core.Engines;
using Dqe.Core.Kubernetes;
using Dqe.Core.Secrets;
using Dqe.TestServers.Secrets;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>
/// An engine user's secret in the fake Secrets Manager, read through the real <see cref="SecretsManagerStore"/> (its
/// 5-minute cache on a fake clock), and HTTP clients whose credential handler puts it on requests to an engine origin.
/// </summary>
public sealed class RotatedSecretFixture : IAsyncDisposable
{
    public const string SecretId = "dqe/dev/engine";

    private readonly HttpClient _aws = new();
    private readonly List<IDisposable> _owned = [];

    private RotatedSecretFixture(FakeSecretsManager secrets)
    {
        Secrets = secrets;
        Store = new SecretsManagerStore(_aws, new StaticCredentialsSource(new AwsCredentials("AKIDEXAMPLE", "secret")), "eu-west-1", Time, secrets.BaseUri);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public FakeSecretsManager Secrets { get; }

    public SecretsManagerStore Store { get; }

    public static async Task<RotatedSecretFixture> StartAsync() => new(await FakeSecretsManager.StartAsync());

    /// <summary>Stores <c>{"user":"dqe","password":...}</c> as the new AWSCURRENT (the former one becomes AWSPREVIOUS).</summary>
    public void Put(string password) => Secrets.Put(SecretId, $$"""{"user":"dqe","password":"{{password}}"}""");

    /// <summary>Reads the secret once, as a warm function did before the rotation: the store caches this value.</summary>
    public Task WarmAsync() => Store.GetSecretStringAsync(SecretId, CancellationToken.None);

    /// <summary>An HTTP client sending the secret's user to <paramref name="origin"/> (https), which the transport maps to <paramref name="backend"/>.</summary>
    public HttpClient Client(Uri origin, Uri backend, bool clickHouseHeaders)
    {
        var handler = new EngineSecretHandler(origin, SecretId, caSecret: null, clickHouseHeaders, Store, new EngineTrust(), Time, new TlsOffloadTransport(backend));
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _owned.Add(client);
        return client;
    }

    /// <summary>GetSecretValue calls for <paramref name="stage"/> (null: the cached read, without a stage).</summary>
    public int Reads(string? stage) => Secrets.Requests.Count(r => r.Headers["X-Amz-Target"] == "secretsmanager.GetSecretValue"
        && (stage is null ? !r.Body.Contains("VersionStage", StringComparison.Ordinal) : r.Body.Contains($"\"VersionStage\":\"{stage}\"", StringComparison.Ordinal)));

    public async ValueTask DisposeAsync()
    {
        _owned.ForEach(o => o.Dispose());
        _aws.Dispose();
        await Secrets.DisposeAsync().ConfigureAwait(false);
    }
}
