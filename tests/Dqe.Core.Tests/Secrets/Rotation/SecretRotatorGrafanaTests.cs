using System.Text.Json.Nodes;
using Dqe.Core.Secrets.Rotation;
using Dqe.Core.Tests.TestHelpers;
using Dqe.TestServers.Secrets;

namespace Dqe.Core.Tests.Secrets.Rotation;

/// <summary>
/// Rotation of the Grafana admin secret <c>{"username","password"}</c>, a grafana-only secret: finishSecret force-syncs
/// Grafana's ExternalSecret, waits until the Kubernetes secret holds the new password, restarts the Deployment and
/// waits for the rollout; it never logs in to an engine. When the secret is not synced or the rollout does not
/// complete in time, AWSCURRENT is restored, re-synced and Grafana restarted again on the old password.
/// </summary>
public sealed class SecretRotatorGrafanaTests : IAsyncLifetime
{
    private const string GrafanaSecret = "dqe/dev/observability/grafana-admin";
    private const string OldPassword = "grafana-old-0123456789abcdefghijklmnop";
    private static readonly RotationOptions Options = RotationHarness.Options(
        new Dictionary<string, RotationEngine> { [GrafanaSecret] = RotationEngine.Grafana },
        [.. RotationHarness.Syncs, new ExternalSecretSync(RotationEngine.Grafana, FakeGrafana.ExternalSecret)])
        with { GrafanaDeployment = FakeGrafana.Deployment, GrafanaSecret = FakeGrafana.Secret };

    private RotationHarness _h = null!;
    private FakeGrafana _grafana = null!;
    private FakeEngineLogins _logins = null!;
    private string _oldVersion = "";

    public async Task InitializeAsync()
    {
        _h = await RotationHarness.StartAsync();
        _oldVersion = _h.Seed(GrafanaSecret, $$"""{"username":"admin","password":"{{OldPassword}}","note":"kept"}""");
        _grafana = new FakeGrafana(_h.Api, _h.Secrets, GrafanaSecret, _h.Time);
        // No engine carries this secret: any login check would be a bug.
        _logins = new FakeEngineLogins(_h.Api, _h.Secrets, GrafanaSecret, _h.Time, new Dictionary<RotationEngine, RotationTarget>());
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task CreateSecret_UsernameKey_NewPasswordOtherKeysKept()
    {
        var token = _h.Secrets.StartRotation(GrafanaSecret);

        await _h.InvokeAsync("createSecret", token, GrafanaSecret, _logins, Options);

        var pending = JsonNode.Parse(_h.Secrets.ValueAt(GrafanaSecret, FakeSecret.Pending)!)!;
        Assert.Equal("admin", pending["username"]!.GetValue<string>());
        Assert.Equal("kept", pending["note"]!.GetValue<string>());
        Assert.Null(pending["user"]);
        Assert.Matches("^[A-Za-z0-9]{32}$", pending["password"]!.GetValue<string>());
    }

    [Fact]
    public async Task FinishSecret_SyncedAndRolledOut_GrafanaRunsTheNewPassword()
    {
        var token = await _h.RotateUpToFinishAsync(GrafanaSecret, _logins, Options);

        var outcome = await _h.InvokeAsync("finishSecret", token, GrafanaSecret, _logins, Options);

        var current = Password(_h.Secrets.ValueAt(GrafanaSecret, FakeSecret.Current)!);
        Assert.Equal(token, _h.Secrets.VersionAt(GrafanaSecret, FakeSecret.Current));
        Assert.NotEqual(OldPassword, current);
        Assert.Equal($"rotate-{token}", RotationHarness.ForceSync(_h.Api, FakeGrafana.ExternalSecret));
        // One restart, after the sync: the new pod started with the new password and serves.
        Assert.Equal([current], _grafana.RestartedWith);
        Assert.Equal(current, _grafana.Running);
        var deployment = _grafana.DeploymentObject();
        Assert.Equal(2, deployment["metadata"]!["generation"]!.GetValue<long>());
        Assert.NotNull(deployment["spec"]!["template"]!["metadata"]!["annotations"]![KubernetesGrafanaRestart.RestartedAt]);
        Assert.Contains("works on grafana", outcome["outcome"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(current, outcome.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(_logins.Asked);
        Assert.Null(RotationHarness.ForceSync(_h.Api, RotationHarness.Syncs[0].Target));
        Assert.Null(RotationHarness.TaskId(_h.Api));
    }

    [Fact]
    public async Task FinishSecret_SecretNeverSynced_NoRestartOnTheOldValueThenRestoredAndRestarted()
    {
        var token = await _h.RotateUpToFinishAsync(GrafanaSecret, _logins, Options);
        _grafana.ExternalSecretsDown = true;

        var error = await Assert.ThrowsAsync<RotationFailedException>(() => _h.InvokeAsync("finishSecret", token, GrafanaSecret, _logins, Options));

        Assert.Contains("(grafana: not restarted: secret monitoring/dqe-grafana-admin:admin-password does not hold the new password yet)", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"AWSCURRENT restored to version {_oldVersion}", error.Message, StringComparison.Ordinal);
        Assert.Equal(_oldVersion, _h.Secrets.VersionAt(GrafanaSecret, FakeSecret.Current));
        Assert.Equal($"restore-{_oldVersion}", RotationHarness.ForceSync(_h.Api, FakeGrafana.ExternalSecret));
        // Only the restore restarted Grafana, and on the password it already had.
        Assert.Equal([OldPassword], _grafana.RestartedWith);
        Assert.Equal(OldPassword, _grafana.Running);
        Assert.DoesNotContain(OldPassword, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FinishSecret_RolloutNeverCompletes_RestoredAndRestartedOnTheOldPassword()
    {
        var token = await _h.RotateUpToFinishAsync(GrafanaSecret, _logins, Options);
        var pending = Password(_h.Secrets.ValueAt(GrafanaSecret, FakeSecret.Pending)!);
        _grafana.StuckRestarts = 1;

        var error = await Assert.ThrowsAsync<RotationFailedException>(() => _h.InvokeAsync("finishSecret", token, GrafanaSecret, _logins, Options));

        Assert.Contains("(grafana: restarted, but the rollout did not complete: Deployment monitoring/kube-prometheus-stack-grafana: 1 of 1 replica(s) updated, 1 ready, 2 running)",
            error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"AWSCURRENT restored to version {_oldVersion}", error.Message, StringComparison.Ordinal);
        Assert.Equal(_oldVersion, _h.Secrets.VersionAt(GrafanaSecret, FakeSecret.Current));
        Assert.Equal([pending, OldPassword], _grafana.RestartedWith);
        Assert.Equal(OldPassword, _grafana.Running);
        Assert.Equal(OldPassword, _grafana.Synced());
        Assert.Equal(3, _grafana.DeploymentObject()["metadata"]!["generation"]!.GetValue<long>());
    }

    [Fact]
    public async Task FinishSecret_RestoreRolloutStuckToo_SaysSo()
    {
        var token = await _h.RotateUpToFinishAsync(GrafanaSecret, _logins, Options);
        _grafana.StuckRestarts = 2;

        var error = await Assert.ThrowsAsync<RotationFailedException>(() => _h.InvokeAsync("finishSecret", token, GrafanaSecret, _logins, Options));

        Assert.EndsWith($"AWSCURRENT restored to version {_oldVersion}; the restore did not complete on grafana either (restarted, but the rollout did not complete: "
            + "Deployment monitoring/kube-prometheus-stack-grafana: 1 of 1 replica(s) updated, 1 ready, 2 running)", error.Message, StringComparison.Ordinal);
        Assert.Equal(_oldVersion, _h.Secrets.VersionAt(GrafanaSecret, FakeSecret.Current));
        Assert.Equal(2, _grafana.RestartedWith.Count);
    }

    private static string Password(string json) => JsonNode.Parse(json)!["password"]!.GetValue<string>();
}
