using Dqe.TestServers;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>One real Prometheus for the PromQL probe tests (started once, stopped after).</summary>
public sealed class PrometheusFixture : IAsyncLifetime
{
    private PrometheusLocalServer? _server;

    public Uri Uri => _server!.BaseUri;

    public async Task InitializeAsync() => _server = await PrometheusLocalServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
