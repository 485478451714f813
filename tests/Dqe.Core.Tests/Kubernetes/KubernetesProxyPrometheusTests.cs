using Dqe.Core.Chaos.Campaigns;
using Dqe.Core.Chaos.Probes;
using Dqe.Core.Hosting;
using Dqe.Core.Kubernetes;
using Dqe.Core.Remediation.Lambda;
using Dqe.Core.Tests.TestHelpers;
using Dqe.TestServers.Kubernetes;

namespace Dqe.Core.Tests.Kubernetes;

/// <summary>PromQL probes and the remediation verify query the real Prometheus binary through the fake API server's service proxy.</summary>
public sealed class KubernetesProxyPrometheusTests(PrometheusFixture prometheus) : IClassFixture<PrometheusFixture>, IAsyncLifetime
{
    private const string Service = "monitoring/http:kube-prometheus-stack-prometheus:9090";
    private FakeKubernetesApi _api = null!;
    private k8s.Kubernetes _client = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeKubernetesApi.StartAsync();
        _api.Proxy.Route("services", "monitoring", "http:kube-prometheus-stack-prometheus:9090", prometheus.Uri);
        _client = new k8s.Kubernetes(new k8s.KubernetesClientConfiguration { Host = _api.BaseUri.ToString(), AccessToken = "eks-token" });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    [Theory]
    [InlineData("vector(0.05)", 0.1, 0.05, true)]
    [InlineData("vector(5)", 0.1, 5, false)]
    public async Task MeasureAsync_PrometheusServiceThroughProxy_ReadsTheRealSampleWithTheTokenKeptAtTheApiServer(string query, double max, double expected, bool passes)
    {
        var runner = new ProbeRunner(ProbeTargets.From(Host((FunctionVariables.PrometheusService, Service))), TimeProvider.System);

        var reading = await runner.MeasureAsync(new ProbeSpec("errors", ProbeTypes.PromQl, query, Max: max), default);

        Assert.Null(reading.Error);
        Assert.Equal(expected, reading.Value);
        Assert.Equal(passes, reading.Passed);
        Assert.Contains("GET /api/v1/namespaces/monitoring/services/http:kube-prometheus-stack-prometheus:9090/proxy/api/v1/query?query=", _api.Requests.Last(), StringComparison.Ordinal);
        Assert.Equal("Bearer eks-token", _api.Proxy.Authorizations.Last());
        Assert.DoesNotContain("Authorization", _api.Proxy.Forwarded.Last().Keys);
    }

    [Fact]
    public async Task MeasureAsync_ServiceWithoutEndpoints_FailsTheReadingWithTheProxyError()
    {
        var runner = new ProbeRunner(ProbeTargets.From(Host((FunctionVariables.PrometheusService, "monitoring/http:other:9090"))), TimeProvider.System);

        var reading = await runner.MeasureAsync(new ProbeSpec("errors", ProbeTypes.PromQl, "vector(1)", Max: 2), default);

        Assert.False(reading.Passed);
        Assert.Null(reading.Value);
        Assert.NotNull(reading.Error);
    }

    [Fact]
    public async Task MeasureAsync_PrometheusUrlSet_OverridesTheProxyAndGoesDirect()
    {
        var factory = new FixedKubernetesFactory(_client);
        var host = new HostServices(TimeProvider.System, new FakeEnvironment((FunctionVariables.PrometheusUrl, prometheus.Uri.ToString()), (FunctionVariables.PrometheusService, Service)), factory, new UnusedSecretStore());
        var runner = new ProbeRunner(ProbeTargets.From(host), TimeProvider.System);

        var reading = await runner.MeasureAsync(new ProbeSpec("errors", ProbeTypes.PromQl, "vector(3)", Max: 5), default);

        Assert.Equal(3, reading.Value);
        Assert.Equal(0, factory.Created);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public void Required_NeitherVariableSet_NamesBoth()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PrometheusEndpoint.Required(Host()));

        Assert.Contains(FunctionVariables.PrometheusService, error.Message, StringComparison.Ordinal);
        Assert.Contains(FunctionVariables.PrometheusUrl, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prometheus:9090")]
    [InlineData("monitoring/ftp:prometheus:9090")]
    [InlineData("monitoring/http:prometheus")]
    [InlineData("monitoring/http:prometheus:99999")]
    [InlineData("Monitoring/http:prometheus:9090")]
    public void From_BadServiceSetting_FailsNamingTheVariableWithoutTouchingKubernetes(string service)
    {
        var factory = new FixedKubernetesFactory(_client);
        var host = new HostServices(TimeProvider.System, new FakeEnvironment((FunctionVariables.PrometheusService, service)), factory, new UnusedSecretStore());

        var error = Assert.Throws<InvalidOperationException>(() => PrometheusEndpoint.From(host));

        Assert.StartsWith($"environment variable {FunctionVariables.PrometheusService}", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, factory.Created);
    }

    [Fact]
    public async Task IsFiringAsync_VerifyStepThroughProxy_AsksTheRealPrometheus()
    {
        // The endpoint RemediationSetup builds; ALERTS is empty on a Prometheus without rules, so nothing fires.
        var endpoint = PrometheusEndpoint.From(Host((FunctionVariables.PrometheusService, Service)))!;
        var source = new PrometheusAlertSource(endpoint.Http, endpoint.BaseUri);

        var firing = await source.IsFiringAsync("ClickHouseReplicaReadOnly", new Dictionary<string, string> { ["pod"] = "chi-0" }, default);

        Assert.False(firing);
        Assert.Contains("/services/http:kube-prometheus-stack-prometheus:9090/proxy/api/v1/query?query=ALERTS", _api.Requests.Last(), StringComparison.Ordinal);
        Assert.Equal("Bearer eks-token", _api.Proxy.Authorizations.Last());
    }

    [Fact]
    public async Task Handler_RequestToAnotherHost_RefusedBeforeTheTokenIsAttached()
    {
        using var http = new HttpClient(new KubernetesProxy(_client).CreateHandler());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => http.GetAsync(prometheus.Uri));

        Assert.Contains("refusing to send Kubernetes credentials", error.Message, StringComparison.Ordinal);
    }

    private HostServices Host(params (string, string?)[] variables) =>
        new(TimeProvider.System, new FakeEnvironment(variables), new FixedKubernetesFactory(_client), new UnusedSecretStore());
}
