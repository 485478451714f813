using System.Text.Json.Nodes;
using Dqe.Core.Secrets.Rotation;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Secrets.Rotation;

/// <summary>The Kubernetes calls of a Grafana restart against the fake API: the secret's key compared, the rollout judged as <c>kubectl rollout status</c> does.</summary>
public sealed class KubernetesGrafanaRestartTests : IAsyncLifetime
{
    private static readonly RotationOptions Options = RotationHarness.Options() with { GrafanaDeployment = FakeGrafana.Deployment, GrafanaSecret = FakeGrafana.Secret };
    private RotationHarness _h = null!;

    public async Task InitializeAsync() => _h = await RotationHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData(1, 1, 1, 1, 1, "Deployment monitoring/kube-prometheus-stack-grafana has not observed generation 2 yet")]
    [InlineData(2, 1, 0, 1, 1, "Deployment monitoring/kube-prometheus-stack-grafana: 0 of 1 replica(s) updated, 1 ready, 1 running")]
    [InlineData(2, 1, 1, 0, 1, "Deployment monitoring/kube-prometheus-stack-grafana: 1 of 1 replica(s) updated, 0 ready, 1 running")]
    [InlineData(2, 1, 1, 1, 2, "Deployment monitoring/kube-prometheus-stack-grafana: 1 of 1 replica(s) updated, 1 ready, 2 running")]
    [InlineData(2, 2, 1, 1, 1, "Deployment monitoring/kube-prometheus-stack-grafana: 1 of 2 replica(s) updated, 1 ready, 1 running")]
    [InlineData(2, 1, 1, 1, 1, null)]
    [InlineData(3, 2, 2, 2, 2, null)]
    public async Task RolloutCompleteAsync_Status_CompleteOnlyWhenEveryReplicaIsNewAndReady(
        long observed, int wanted, int updated, int ready, int replicas, string? expected)
    {
        _h.Api.Seed("apis/apps/v1/namespaces/monitoring/deployments", new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = FakeGrafana.Deployment.Name, ["generation"] = 2 },
            ["spec"] = new JsonObject { ["replicas"] = wanted },
            ["status"] = new JsonObject { ["observedGeneration"] = observed, ["updatedReplicas"] = updated, ["readyReplicas"] = ready, ["replicas"] = replicas },
        });

        var state = await new KubernetesGrafanaRestart(_h.Client, Options, TimeProvider.System).RolloutCompleteAsync(2, CancellationToken.None);

        Assert.Equal(expected, state);
    }

    [Fact]
    public async Task RestartAsync_Deployment_SetsRestartedAtAndReturnsTheBumpedGeneration()
    {
        _h.Api.Seed("apis/apps/v1/namespaces/monitoring/deployments", new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = FakeGrafana.Deployment.Name, ["generation"] = 4 },
            ["spec"] = new JsonObject { ["replicas"] = 1, ["template"] = new JsonObject() },
        });
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));

        var generation = await new KubernetesGrafanaRestart(_h.Client, Options, time).RestartAsync(CancellationToken.None);

        Assert.Equal(5, generation);
        var stored = _h.Api.Get("apps", "deployments", "monitoring", FakeGrafana.Deployment.Name)!;
        Assert.Equal("2026-12-01T03:00:00.0000000+00:00", stored["spec"]!["template"]!["metadata"]!["annotations"]![KubernetesGrafanaRestart.RestartedAt]!.GetValue<string>());
        Assert.Contains("PATCH /apis/apps/v1/namespaces/monitoring/deployments/kube-prometheus-stack-grafana", _h.Api.Requests);
    }

    [Theory]
    [InlineData(null, "s3cret-new", "secret monitoring/dqe-grafana-admin does not exist")]
    [InlineData("other-key", "s3cret-new", "secret monitoring/dqe-grafana-admin has no key admin-password")]
    [InlineData("admin-password", "s3cret-other", "secret monitoring/dqe-grafana-admin:admin-password does not hold the new password yet")]
    [InlineData("admin-password", "s3cret-new", null)]
    public async Task SecretHoldsAsync_SecretState_NullOnlyWhenTheKeyHoldsThePassword(string? key, string password, string? expected)
    {
        _h.Api.Seed("api/v1/namespaces/monitoring/secrets", new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = key is null ? "someone-else" : "dqe-grafana-admin" },
            ["data"] = new JsonObject { [key ?? "admin-password"] = Convert.ToBase64String("s3cret-new"u8.ToArray()) },
        });

        var state = await new KubernetesGrafanaRestart(_h.Client, Options, TimeProvider.System).SecretHoldsAsync(password, CancellationToken.None);

        Assert.Equal(expected, state);
    }
}
