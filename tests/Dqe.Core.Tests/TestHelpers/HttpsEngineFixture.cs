using Dqe.Core.Engines;
using Dqe.Core.Hosting;
using Dqe.Core.Kubernetes;
using Dqe.Core.Secrets;
using Dqe.TestServers.Secrets;
using Dqe.TestServers.Tls;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>An HTTPS echo "engine" on localhost with a certificate of a test CA, and the fake Secrets Manager holding that CA as <see cref="CaSecret"/>.</summary>
public sealed class HttpsEngineFixture : IAsyncDisposable
{
    public const string CaSecret = "dqe/dev/engines-ca";

    private readonly HttpClient _aws = new();

    private HttpsEngineFixture(TestCertificateAuthority ca, FakeSecretsManager secrets, HttpsEchoServer engine)
    {
        Ca = ca;
        Secrets = secrets;
        Engine = engine;
    }

    public TestCertificateAuthority Ca { get; }

    public FakeSecretsManager Secrets { get; }

    public HttpsEchoServer Engine { get; }

    public static async Task<HttpsEngineFixture> StartAsync()
    {
        var ca = new TestCertificateAuthority();
        var secrets = await FakeSecretsManager.StartAsync();
        secrets.Put(CaSecret, ca.Pem);
        return new HttpsEngineFixture(ca, secrets, await HttpsEchoServer.StartAsync(ca.Issue("localhost")));
    }

    /// <summary>Engine connections with <paramref name="variables"/> as the function's environment, reading secrets from the fake.</summary>
    public EngineConnections Connections(params (string Name, string? Value)[] variables) => new(
        new FakeEnvironment(variables),
        new SecretsManagerStore(_aws, new StaticCredentialsSource(new AwsCredentials("AKIDEXAMPLE", "secret")), "eu-west-1", TimeProvider.System, Secrets.BaseUri),
        TimeProvider.System);

    /// <summary>The echo engine as both Trino and ClickHouse (HTTPS URLs), optionally another Trino URL.</summary>
    public (string, string?)[] EngineVariables(string? trinoUrl = null) =>
    [
        (FunctionVariables.TrinoUrl, trinoUrl ?? $"https://localhost:{Engine.Port}"),
        (FunctionVariables.ClickHouseUrl, $"https://localhost:{Engine.Port}"),
    ];

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync().ConfigureAwait(false);
        await Secrets.DisposeAsync().ConfigureAwait(false);
        _aws.Dispose();
        Ca.Dispose();
    }
}
