using System.Text.Json.Nodes;
using Dqe.Core.Hosting;
using Dqe.Core.Secrets.Rotation;
using Dqe.Core.Tests.TestHelpers;
using Dqe.TestServers.Secrets;

namespace Dqe.Core.Tests.Secrets.Rotation;

/// <summary>
/// The rotation handler's four steps for a person's secret (on both engines) against the fake Secrets Manager and the
/// fake Kubernetes API (<see cref="RotationHarness"/>), with engines that reload the password only when the cluster
/// tells them to. Per-engine secrets: <see cref="SecretRotatorEngineTests"/>.
/// </summary>
public sealed class SecretRotatorTests : IAsyncLifetime
{
    private const string SecretId = "arn:aws:secretsmanager:eu-west-1:111111111111:secret:dqe/dev/users/alice-AbCdEf";
    private const string OldSecret = """{"user":"alice","password":"old-password-0123456789abcdefgh"}""";
    private static readonly RotationTarget[] Syncs = [.. RotationHarness.Syncs.Select(s => s.Target)];
    private RotationHarness _h = null!;
    private FakeSecretsManager _sm = null!;
    private FakeEngineLogins _engines = null!;
    private string _oldVersion = "";

    public async Task InitializeAsync()
    {
        _h = await RotationHarness.StartAsync();
        _sm = _h.Secrets;
        _oldVersion = _h.Seed(SecretId, OldSecret);
        _engines = new FakeEngineLogins(_h.Api, _sm, SecretId, _h.Time, new Dictionary<RotationEngine, RotationTarget>
        {
            [RotationEngine.Trino] = Syncs[0],
            [RotationEngine.ClickHouse] = Syncs[1],
        });
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

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
        Assert.All(Syncs, sync => Assert.Equal($"rotate-{token}", RotationHarness.ForceSync(_h.Api, sync)));
        Assert.Equal($"rotate-{token}", RotationHarness.TaskId(_h.Api));
        Assert.All(_engines.Asked, asked => Assert.Equal([RotationEngine.Trino, RotationEngine.ClickHouse], asked.Order()));
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
        var patches = _h.Api.Requests.Count(r => r.StartsWith("PATCH", StringComparison.Ordinal));

        var again = await InvokeAsync("finishSecret", token);

        Assert.Contains("already AWSCURRENT", again["outcome"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(patches, _h.Api.Requests.Count(r => r.StartsWith("PATCH", StringComparison.Ordinal)));
        Assert.Equal(token, _sm.VersionAt(SecretId, FakeSecret.Current));
    }

    [Fact]
    public async Task FinishSecret_ClickHouseNeverAcceptsNewPassword_FailsAndRestoresAwsCurrent()
    {
        var token = await RotateUpToFinishAsync();
        _engines.Stuck.Add(RotationEngine.ClickHouse);
        var started = _h.Time.GetUtcNow();

        var error = await Assert.ThrowsAsync<RotationFailedException>(() => InvokeAsync("finishSecret", token));

        Assert.Contains("clickhouse: Authentication failed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("trino:", error.Message, StringComparison.Ordinal);
        Assert.Contains($"AWSCURRENT restored to version {_oldVersion}", error.Message, StringComparison.Ordinal);
        Assert.True(_h.Time.GetUtcNow() - started >= TimeSpan.FromSeconds(120), "waited the whole bound before giving up");
        Assert.Equal(_oldVersion, _sm.VersionAt(SecretId, FakeSecret.Current));
        Assert.Equal(OldSecret, _sm.ValueAt(SecretId, FakeSecret.Current));
        Assert.Equal([FakeSecret.Pending, FakeSecret.Previous], _sm.StagesOf(SecretId, token));
        Assert.Equal($"restore-{_oldVersion}", RotationHarness.TaskId(_h.Api));
        _engines.Stuck.Clear();
        _engines.Settle();
        Assert.All(_engines.Passwords.Values, p => Assert.Equal("old-password-0123456789abcdefgh", p));
    }

    [Fact]
    public async Task FinishSecret_RetriedAfterARestore_CompletesTheRotation()
    {
        var token = await RotateUpToFinishAsync();
        _engines.Stuck.Add(RotationEngine.ClickHouse);
        await Assert.ThrowsAsync<RotationFailedException>(() => InvokeAsync("finishSecret", token));
        _engines.Stuck.Clear();

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
        Assert.DoesNotContain(_h.Api.Requests, r => r.StartsWith("PATCH", StringComparison.Ordinal));
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

    private Task<string> RotateUpToFinishAsync() => _h.RotateUpToFinishAsync(SecretId, _engines, RotationHarness.Options());

    private Task<JsonNode> InvokeAsync(string step, string token, string secretId = SecretId) =>
        _h.InvokeAsync(step, token, secretId, _engines, RotationHarness.Options());
}
