using System.Text;
using System.Text.Json.Nodes;
using Dqe.Core.Hosting;
using Dqe.Core.Hosting.Telemetry;
using Dqe.Core.Kubernetes;
using Dqe.Core.Secrets.Rotation;
using Dqe.Core.Tests.TestHelpers;
using Dqe.TestServers.Kubernetes;
using Dqe.TestServers.Secrets;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.Secrets.Rotation;

/// <summary>
/// The rotation handler's four steps against the fake Secrets Manager (versions and staging labels as the service keeps
/// them) and the fake Kubernetes API (the ExternalSecrets and the ClickHouseInstallation it patches), with engines that
/// reload the password only when the cluster tells them to.
/// </summary>
public sealed class SecretRotatorTests : IAsyncLifetime
{
    private const string SecretId = "arn:aws:secretsmanager:eu-west-1:111111111111:secret:dqe/dev/users/alice-AbCdEf";
    private const string OldSecret = """{"user":"alice","password":"old-password-0123456789abcdefgh"}""";
    private static readonly RotationTarget[] Syncs = [new("trino", "trino-password-authentication"), new("clickhouse", "clickhouse-users")];
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private FakeSecretsManager _sm = null!;
    private FakeKubernetesApi _api = null!;
    private k8s.Kubernetes _client = null!;
    private FakeEngineLogins _engines = null!;
    private string _oldVersion = "";

    public async Task InitializeAsync()
    {
        _sm = await FakeSecretsManager.StartAsync();
        _api = await FakeKubernetesApi.StartAsync();
        _client = new k8s.Kubernetes(new k8s.KubernetesClientConfiguration { Host = _api.BaseUri.ToString() });
        _oldVersion = _sm.Put(SecretId, OldSecret);
        _sm.EnableRotation(SecretId);
        foreach (var sync in Syncs)
        {
            _api.Seed($"apis/external-secrets.io/v1beta1/namespaces/{sync.Namespace}/externalsecrets", Named(sync.Name, sync.Namespace, "external-secrets.io/v1beta1", "ExternalSecret"));
        }

        _api.Seed("apis/clickhouse.altinity.com/v1/namespaces/clickhouse/clickhouseinstallations", Named("dqe", "clickhouse", "clickhouse.altinity.com/v1", "ClickHouseInstallation"));
        _engines = new FakeEngineLogins(_api, _sm, SecretId, _time);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        _http.Dispose();
        await _api.DisposeAsync();
        await _sm.DisposeAsync();
    }

    [Fact]
    public async Task Rotate_AllFourSteps_NewPasswordCurrentOldPreviousAndEnginesOnIt()
    {
        var token = _sm.StartRotation(SecretId);

        foreach (var step in SecretRotator.Steps)
        {
            var response = await InvokeAsync(step, token);
            Assert.Equal(step, response["step"]!.GetValue<string>());
        }

        var current = JsonNode.Parse(_sm.ValueAt(SecretId, FakeSecret.Current)!)!;
        Assert.Equal(token, _sm.VersionAt(SecretId, FakeSecret.Current));
        Assert.Equal(_oldVersion, _sm.VersionAt(SecretId, FakeSecret.Previous));
        Assert.Equal("alice", current["user"]!.GetValue<string>());
        var password = current["password"]!.GetValue<string>();
        Assert.Matches("^[A-Za-z0-9]{32}$", password);
        Assert.All(_engines.Passwords.Values, p => Assert.Equal(password, p));
        foreach (var sync in Syncs)
        {
            Assert.Equal($"rotate-{token}", (string?)_api.Get("external-secrets.io", "externalsecrets", sync.Namespace, sync.Name)!["metadata"]!["annotations"]!["force-sync"]);
        }

        Assert.Equal($"rotate-{token}", (string?)_api.Get("clickhouse.altinity.com", "clickhouseinstallations", "clickhouse", "dqe")!["spec"]!["taskID"]);
    }

    [Fact]
    public async Task CreateSecret_InvokedTwice_KeepsTheFirstPendingValue()
    {
        var token = _sm.StartRotation(SecretId);

        await InvokeAsync("createSecret", token);
        var first = _sm.ValueAt(SecretId, FakeSecret.Pending);
        var second = await InvokeAsync("createSecret", token);

        Assert.Equal(first, _sm.ValueAt(SecretId, FakeSecret.Pending));
        Assert.Contains("already has its pending value", second["outcome"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(_sm.Requests, r => r.Headers["X-Amz-Target"] == "secretsmanager.PutSecretValue");
        Assert.Equal(OldSecret, _sm.ValueAt(SecretId, FakeSecret.Current));
    }

    [Fact]
    public async Task FinishSecret_InvokedAgainAfterSuccess_ChangesNothing()
    {
        var token = await RotateUpToFinishAsync();
        await InvokeAsync("finishSecret", token);
        var patches = _api.Requests.Count(r => r.StartsWith("PATCH", StringComparison.Ordinal));

        var again = await InvokeAsync("finishSecret", token);

        Assert.Contains("already AWSCURRENT", again["outcome"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(patches, _api.Requests.Count(r => r.StartsWith("PATCH", StringComparison.Ordinal)));
        Assert.Equal(token, _sm.VersionAt(SecretId, FakeSecret.Current));
    }

    [Fact]
    public async Task FinishSecret_ClickHouseNeverAcceptsNewPassword_FailsAndRestoresAwsCurrent()
    {
        var token = await RotateUpToFinishAsync();
        _engines.ClickHouseStuck = true;
        var started = _time.GetUtcNow();

        var error = await Assert.ThrowsAsync<RotationFailedException>(() => InvokeAsync("finishSecret", token));

        Assert.Contains("clickhouse: Authentication failed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("trino:", error.Message, StringComparison.Ordinal);
        Assert.Contains($"AWSCURRENT restored to version {_oldVersion}", error.Message, StringComparison.Ordinal);
        Assert.True(_time.GetUtcNow() - started >= TimeSpan.FromSeconds(120), "waited the whole bound before giving up");
        Assert.Equal(_oldVersion, _sm.VersionAt(SecretId, FakeSecret.Current));
        Assert.Equal(OldSecret, _sm.ValueAt(SecretId, FakeSecret.Current));
        Assert.Equal([FakeSecret.Pending, FakeSecret.Previous], _sm.StagesOf(SecretId, token));
        Assert.Equal($"restore-{_oldVersion}", (string?)_api.Get("clickhouse.altinity.com", "clickhouseinstallations", "clickhouse", "dqe")!["spec"]!["taskID"]);
        _engines.ClickHouseStuck = false;
        _engines.Settle();
        Assert.All(_engines.Passwords.Values, p => Assert.Equal("old-password-0123456789abcdefgh", p));
    }

    [Fact]
    public async Task FinishSecret_RetriedAfterARestore_CompletesTheRotation()
    {
        var token = await RotateUpToFinishAsync();
        _engines.ClickHouseStuck = true;
        await Assert.ThrowsAsync<RotationFailedException>(() => InvokeAsync("finishSecret", token));
        _engines.ClickHouseStuck = false;

        await InvokeAsync("finishSecret", token);

        Assert.Equal(token, _sm.VersionAt(SecretId, FakeSecret.Current));
        Assert.Equal(_oldVersion, _sm.VersionAt(SecretId, FakeSecret.Previous));
    }

    [Theory]
    [InlineData("rotateSecret")]
    [InlineData("")]
    public async Task Invoke_UnknownStep_InvalidRequestAndNothingCalled(string step)
    {
        var token = _sm.StartRotation(SecretId);
        var before = _sm.Requests.Count;

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => InvokeAsync(step, token));

        Assert.Contains("$.Step", error.Message, StringComparison.Ordinal);
        Assert.Contains("createSecret, setSecret, testSecret, finishSecret", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _sm.Requests.Count);
        Assert.DoesNotContain(_api.Requests, r => r.StartsWith("PATCH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_RotationNotEnabled_FailsWithoutWriting()
    {
        const string other = "dqe/dev/users/bob";
        _sm.Put(other, """{"user":"bob","password":"x"}""");
        var token = _sm.StartRotation(other);

        var error = await Assert.ThrowsAsync<RotationFailedException>(() => InvokeAsync("createSecret", token, other));

        Assert.Equal("secret 'dqe/dev/users/bob' does not have rotation enabled", error.Message);
        Assert.DoesNotContain(_sm.Requests, r => r.Headers["X-Amz-Target"] is "secretsmanager.PutSecretValue" or "secretsmanager.UpdateSecretVersionStage");
    }

    [Theory]
    [InlineData("unknown-token", "has no version unknown-token")]
    [InlineData("previous", "is not AWSPENDING")]
    public async Task Invoke_TokenNotAPendingVersion_Fails(string token, string expected)
    {
        _sm.Put(SecretId, """{"user":"alice","password":"second"}""");
        var id = token == "previous" ? _oldVersion : token;

        var error = await Assert.ThrowsAsync<RotationFailedException>(() => InvokeAsync("createSecret", id));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestSecret_BeforeCreateSecret_FailsNamingTheMissingValue()
    {
        var token = _sm.StartRotation(SecretId);

        var error = await Assert.ThrowsAsync<RotationFailedException>(() => InvokeAsync("testSecret", token));

        Assert.Contains("has no value: run createSecret first", error.Message, StringComparison.Ordinal);
        Assert.Equal(OldSecret, _sm.ValueAt(SecretId, FakeSecret.Current));
    }

    [Fact]
    public void Options_FromEnvironment_BadValuesAreOneClearError()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => RotationOptions.FromEnvironment(new FakeEnvironment()));
        var malformed = Assert.Throws<InvalidOperationException>(() => RotationOptions.FromEnvironment(new FakeEnvironment((FunctionVariables.RotationExternalSecrets, "trino"))));
        var timeout = Assert.Throws<InvalidOperationException>(() => RotationOptions.FromEnvironment(new FakeEnvironment(
            (FunctionVariables.RotationExternalSecrets, "trino/a"), (FunctionVariables.RotationVerifySeconds, "0"))));

        Assert.Contains("DQE_ROTATION_EXTERNAL_SECRETS must list", missing.Message, StringComparison.Ordinal);
        Assert.Contains("'trino' is not namespace/name", malformed.Message, StringComparison.Ordinal);
        Assert.Contains("DQE_ROTATION_VERIFY_SECONDS = '0' must be 1-900", timeout.Message, StringComparison.Ordinal);
    }

    private async Task<string> RotateUpToFinishAsync()
    {
        var token = _sm.StartRotation(SecretId);
        await InvokeAsync("createSecret", token);
        await InvokeAsync("setSecret", token);
        await InvokeAsync("testSecret", token);
        return token;
    }

    private async Task<JsonNode> InvokeAsync(string step, string token, string secretId = SecretId)
    {
        var options = new RotationOptions(Syncs, new RotationTarget("clickhouse", "dqe"), TimeSpan.FromSeconds(120), TimeSpan.Zero);
        var versions = new SecretsManagerVersions(_http, new StaticCredentialsSource(new AwsCredentials("AKIDEXAMPLE", "secret")), "eu-west-1", _time, _sm.BaseUri);
        var handler = new RotationHandler(() => new SecretRotator(versions, new KubernetesRotationPublisher(_client, options), _engines, options, _time));
        var context = new InvocationContext
        {
            RequestId = "r", HandlerName = RotationHandler.Name, Deadline = _time.GetUtcNow().AddMinutes(15),
            Log = new NullLog(), Metrics = new NullMetrics(),
        };
        var payload = new JsonObject { ["Step"] = step, ["SecretId"] = secretId, ["ClientRequestToken"] = token, ["RotationToken"] = "opaque" };
        var output = await handler.InvokeAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()), context, CancellationToken.None);
        return JsonNode.Parse(output)!;
    }

    private sealed class NullLog : IFunctionLog
    {
        public void Write(LogLevel level, string message)
        {
            // The handler's log lines are not under test here.
        }
    }

    private sealed class NullMetrics : IMetrics
    {
        public void Add(string name, double value, MetricUnit unit)
        {
            // Not under test.
        }

        public void SetDimension(string name, string value)
        {
            // Not under test.
        }
    }

    private static JsonObject Named(string name, string ns, string apiVersion, string kind) => new()
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = kind,
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject(),
    };
}
