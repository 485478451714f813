using System.Text.Json.Nodes;
using Dqe.Cli.Tests.TestHelpers;
using Dqe.TestServers.Kubernetes;

namespace Dqe.Cli.Tests.Commands;

public sealed class ChaosRunCommandTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dqe-chaos-cli").FullName;
    private FakeKubernetesApi _api = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeKubernetesApi.StartAsync();
        _api.Seed("api/v1/nodes", new JsonObject { ["metadata"] = new JsonObject { ["name"] = "node-a" }, ["spec"] = new JsonObject() });
        foreach (var name in new[] { "worker-0", "worker-1", "worker-2" })
        {
            _api.Seed("api/v1/namespaces/trino/pods", new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["app.kubernetes.io/name"] = "trino", ["app.kubernetes.io/component"] = "worker" } },
                ["spec"] = new JsonObject { ["nodeName"] = "node-a" },
            });
        }

        File.WriteAllText(Path.Combine(_dir, "kubeconfig"), $$$"""
            apiVersion: v1
            kind: Config
            clusters: [{name: fake, cluster: {server: "{{{_api.BaseUri.ToString().TrimEnd('/')}}}"}}]
            users: [{name: me, user: {token: test}}]
            contexts: [{name: fake, context: {cluster: fake, user: me}}]
            current-context: fake
            """);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Run_DryRun_PrintsExactManifestsAndCreatesNothing()
    {
        var campaign = Path.Combine(AppContext.BaseDirectory, "assets", "chaos", "trino-worker-kill.yaml");

        var run = await CliRunner.RunAsync("chaos", "run", campaign, "--dry-run", "--kubeconfig", Path.Combine(_dir, "kubeconfig"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("would create PodChaos trino/trino-worker-kill-kill-one-worker-cli-", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"action\": \"pod-kill\"", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"dqe.io/run-id\": \"cli-", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("nothing was created", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(_api.Requests, r => !r.StartsWith("GET ", StringComparison.Ordinal));
        Assert.Empty(_api.All("chaos-mesh.org", "podchaos"));
    }

    [Fact]
    public async Task Run_HostileCampaign_RejectedBeforeAnyRequest()
    {
        var campaign = Path.Combine(AppContext.BaseDirectory, "assets", "chaos", "kube-system-everything.yaml");

        var run = await CliRunner.RunAsync("chaos", "run", campaign, "--kubeconfig", Path.Combine(_dir, "kubeconfig"));

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(_api.Requests);
    }
}
