using Dqe.Core.Secrets.Rotation;
using Dqe.Core.Tests.TestHelpers;
using Dqe.TestServers.Secrets;

namespace Dqe.Core.Tests.Secrets.Rotation;

/// <summary>
/// Rotation of the automation users' secrets, each on one engine (<c>DQE_ROTATION_SECRET_ENGINES</c>): only that
/// engine's ExternalSecrets are synced, the ClickHouseInstallation is bumped only for ClickHouse, only that engine is
/// logged in to, and a failed finishSecret restores and re-syncs that engine only.
/// </summary>
public sealed class SecretRotatorEngineTests : IAsyncLifetime
{
    private const string TrinoSecret = "dqe/dev/trino";
    private const string ClickHouseSecret = "dqe/dev/clickhouse";
    private static readonly RotationTarget PasswordFile = RotationHarness.Syncs[0].Target;
    private static readonly RotationTarget PeopleUsers = RotationHarness.Syncs[1].Target;
    private static readonly RotationTarget Credentials = RotationHarness.Syncs[2].Target;
    private static readonly RotationOptions Options = RotationHarness.Options(new Dictionary<string, RotationEngine>
    {
        [TrinoSecret] = RotationEngine.Trino,
        [ClickHouseSecret] = RotationEngine.ClickHouse,
    });

    private RotationHarness _h = null!;
    private string _trinoVersion = "";

    public async Task InitializeAsync()
    {
        _h = await RotationHarness.StartAsync();
        _trinoVersion = _h.Seed(TrinoSecret, """{"user":"dqe","password":"trino-old-0123456789abcdefghijk"}""");
        _h.Seed(ClickHouseSecret, """{"user":"dqe","password":"clickhouse-old-0123456789abcdefg"}""");
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Rotate_TrinoOnlySecret_SyncsTrinoOnlyAndNeverTouchesClickHouse()
    {
        var engines = Logins(TrinoSecret, RotationEngine.Trino, PasswordFile);
        var token = await _h.RotateUpToFinishAsync(TrinoSecret, engines, Options);

        var outcome = await _h.InvokeAsync("finishSecret", token, TrinoSecret, engines, Options);

        Assert.Equal(token, _h.Secrets.VersionAt(TrinoSecret, FakeSecret.Current));
        Assert.EndsWith("works on trino", outcome["outcome"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal($"rotate-{token}", RotationHarness.ForceSync(_h.Api, PasswordFile));
        Assert.Null(RotationHarness.ForceSync(_h.Api, PeopleUsers));
        Assert.Null(RotationHarness.ForceSync(_h.Api, Credentials));
        Assert.Null(RotationHarness.TaskId(_h.Api));
        Assert.DoesNotContain(_h.Api.Requests, r => r.Contains("clickhouse", StringComparison.Ordinal));
        Assert.All(engines.Asked, asked => Assert.Equal([RotationEngine.Trino], asked));
        Assert.Equal(Password(_h.Secrets.ValueAt(TrinoSecret, FakeSecret.Current)!), engines.Passwords[RotationEngine.Trino]);
    }

    [Fact]
    public async Task FinishSecret_TrinoOnlySecretNeverAccepted_RestoresAndResyncsTrinoOnly()
    {
        var engines = Logins(TrinoSecret, RotationEngine.Trino, PasswordFile);
        var token = await _h.RotateUpToFinishAsync(TrinoSecret, engines, Options);
        engines.Stuck.Add(RotationEngine.Trino);

        var error = await Assert.ThrowsAsync<RotationFailedException>(() => _h.InvokeAsync("finishSecret", token, TrinoSecret, engines, Options));

        Assert.Contains("(trino: Authentication failed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("clickhouse", error.Message, StringComparison.Ordinal);
        Assert.Equal(_trinoVersion, _h.Secrets.VersionAt(TrinoSecret, FakeSecret.Current));
        Assert.Equal($"restore-{_trinoVersion}", RotationHarness.ForceSync(_h.Api, PasswordFile));
        Assert.Null(RotationHarness.ForceSync(_h.Api, PeopleUsers));
        Assert.Null(RotationHarness.ForceSync(_h.Api, Credentials));
        Assert.Null(RotationHarness.TaskId(_h.Api));
    }

    [Fact]
    public async Task Rotate_ClickHouseOnlySecret_SyncsClickHouseSecretsAndBumpsTheInstallation()
    {
        var engines = Logins(ClickHouseSecret, RotationEngine.ClickHouse, Credentials);
        var token = await _h.RotateUpToFinishAsync(ClickHouseSecret, engines, Options);

        await _h.InvokeAsync("finishSecret", token, ClickHouseSecret, engines, Options);

        Assert.Equal(token, _h.Secrets.VersionAt(ClickHouseSecret, FakeSecret.Current));
        Assert.Equal($"rotate-{token}", RotationHarness.ForceSync(_h.Api, Credentials));
        Assert.Equal($"rotate-{token}", RotationHarness.ForceSync(_h.Api, PeopleUsers));
        Assert.Equal($"rotate-{token}", RotationHarness.TaskId(_h.Api));
        Assert.Null(RotationHarness.ForceSync(_h.Api, PasswordFile));
        Assert.All(engines.Asked, asked => Assert.Equal([RotationEngine.ClickHouse], asked));
    }

    [Fact]
    public async Task Invoke_PersonsSecretWithoutClickHouseExternalSecret_FailsBeforeWriting()
    {
        const string person = "dqe/dev/users/alice";
        _h.Seed(person, """{"user":"alice","password":"p"}""");
        var trinoOnly = RotationHarness.Options(syncs: [RotationHarness.Syncs[0]]);
        var engines = Logins(person, RotationEngine.Trino, PasswordFile);
        var token = _h.Secrets.StartRotation(person);

        var error = await Assert.ThrowsAsync<RotationFailedException>(() => _h.InvokeAsync("createSecret", token, person, engines, trinoOnly));

        Assert.Equal($"secret '{person}' is on clickhouse and trino, but no ExternalSecret of clickhouse is configured to re-sync", error.Message);
        Assert.DoesNotContain(_h.Secrets.Requests, r => r.Headers["X-Amz-Target"] is "secretsmanager.PutSecretValue" or "secretsmanager.UpdateSecretVersionStage");
        Assert.DoesNotContain(_h.Api.Requests, r => r.StartsWith("PATCH", StringComparison.Ordinal));
    }

    private FakeEngineLogins Logins(string secretId, RotationEngine engine, RotationTarget carrier) =>
        new(_h.Api, _h.Secrets, secretId, _h.Time, new Dictionary<RotationEngine, RotationTarget> { [engine] = carrier });

    private static string Password(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!["password"]!.GetValue<string>();
}
