using Dqe.Core.Engines;
using Dqe.Core.Engines.ClickHouse;
using Dqe.Core.Kubernetes;
using Dqe.Core.Remediation.Actions;
using Dqe.Core.Tests.TestHelpers;
using Dqe.TestServers;
using Dqe.TestServers.Kubernetes;

namespace Dqe.Core.Tests.Remediation;

/// <summary>restart-clickhouse-replica against the real clickhouse-server (18.16) behind the fake API server's pod proxy.</summary>
public sealed class ClickHouseReplicaProxyTests(ClickHouseFixture clickHouse) : IClassFixture<ClickHouseFixture>, IAsyncLifetime
{
    private const string Pod = "chi-dqe-replicated-0-1-0";
    private FakeKubernetesApi _api = null!;
    private k8s.Kubernetes _client = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeKubernetesApi.StartAsync();
        // The pods serve HTTPS on 8443; the proxy identity is the pod's, the local server stands behind it.
        _api.Proxy.Route("pods", "clickhouse", $"https:{Pod}:8443", clickHouse.Uri);
        _client = new k8s.Kubernetes(new k8s.KubernetesClientConfiguration { Host = _api.BaseUri.ToString(), AccessToken = "eks-token" });
        _http = new HttpClient(new KubernetesProxy(_client).CreateHandler());
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        _client.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task RestartClickHouseReplicaAsync_AllTables_SendsRestartReplicasThroughThePodProxy()
    {
        await Actions().RestartClickHouseReplicaAsync("clickhouse", Pod, table: null, default);

        var request = Assert.Single(_api.Requests);
        Assert.StartsWith($"POST /api/v1/namespaces/clickhouse/pods/https:{Pod}:8443/proxy?database=default&query_id=", request, StringComparison.Ordinal);
        Assert.Equal("Bearer eks-token", Assert.Single(_api.Proxy.Authorizations));
        Assert.DoesNotContain("Authorization", Assert.Single(_api.Proxy.Forwarded).Keys);
    }

    [Fact]
    public async Task RestartClickHouseReplicaAsync_UnknownTable_ReportsClickHousesOwnError()
    {
        var error = await Assert.ThrowsAsync<QueryEngineException>(() => Actions().RestartClickHouseReplicaAsync("clickhouse", Pod, "default.no_such_table", default));

        // The server parsed and ran the statement: the error is ClickHouse's, relayed through the proxy.
        Assert.Contains("no_such_table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestartClickHouseReplicaAsync_UserInClickHouseHeaders_AuthenticatesThroughTheProxy()
    {
        await Actions(o => o with { Credentials = EngineCredentials.Basic("dqe", ClickHouseLocalServer.Password), AllowInsecureCredentials = true })
            .RestartClickHouseReplicaAsync("clickhouse", Pod, table: null, default);

        var headers = Assert.Single(_api.Proxy.Forwarded);
        Assert.Equal("dqe", headers["X-ClickHouse-User"]);
        Assert.Equal("Bearer eks-token", Assert.Single(_api.Proxy.Authorizations));
    }

    [Fact]
    public async Task RestartClickHouseReplicaAsync_WrongPassword_RejectedByClickHouse()
    {
        await Assert.ThrowsAsync<QueryEngineException>(() => Actions(o => o with { Credentials = EngineCredentials.Basic("dqe", "wrong"), AllowInsecureCredentials = true })
            .RestartClickHouseReplicaAsync("clickhouse", Pod, table: null, default));
    }

    [Fact]
    public async Task RestartClickHouseReplicaAsync_PodNotBehindTheProxy_FailsWithoutReachingAnyServer()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => Actions().RestartClickHouseReplicaAsync("clickhouse", "chi-dqe-replicated-0-9-0", table: null, default));

        Assert.Empty(_api.Proxy.Forwarded);
    }

    [Theory]
    [InlineData("Clickhouse", Pod)]
    [InlineData("clickhouse", "pod/../../secrets")]
    public void Client_BadNamespaceOrPod_RejectedBeforeAnyRequest(string ns, string pod)
    {
        Assert.Throws<ArgumentException>(() => Replicas().Client(ns, pod));
        Assert.Empty(_api.Requests);
    }

    private ClickHouseReplicaProxy Replicas(Func<ClickHouseClientOptions, ClickHouseClientOptions>? configure = null) =>
        new(new KubernetesProxy(_client), _http, new Uri("https://clickhouse.clickhouse.svc:8443/"), TimeProvider.System,
            o => (configure?.Invoke(o) ?? o) with { Retry = new RetryOptions(1, TimeSpan.Zero, TimeSpan.Zero) });

    private QueryEngineActions Actions(Func<ClickHouseClientOptions, ClickHouseClientOptions>? configure = null) =>
        new(new FakeQueryEngine(), Replicas(configure).Client);
}
