using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Dqe.Cdk.Engines;
using Dqe.TestServers;
using Dqe.TestServers.Tls;

namespace Dqe.Cdk.Tests.Engines;

/// <summary>
/// The servers' interserver TLS file, loaded by a real clickhouse-server (the Debian 18.16 package here, see
/// ClickHouseLocalServer): the same config.d merge as in the pods, with the certificate directory and port of a
/// throwaway server. The openSSL client half is exercised by a distributed query from the server to itself over
/// the secure native port (remote_servers with secure, as the operator writes it for a secure cluster).
/// </summary>
public sealed class ClickHouseInterserverTlsServerTests : IDisposable
{
    // Bounds each network call so a server that never answers fails the test instead of hanging it.
    private CancellationTokenSource Timeout { get; } = new(TimeSpan.FromSeconds(30));

    public void Dispose() => Timeout.Dispose();

    [Fact]
    public async Task ServerConfig_RealClickHouse_ReplicationServedOverHttpsWithCaIssuedCertificate()
    {
        using var tls = new TlsDirectory();
        await using var server = await ClickHouseLocalServer.StartAsync(1, ports => tls.ConfigFiles(ports[0]));
        var httpsPort = server.ExtraPorts[0];

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, httpsPort, Timeout.Token);
        X509Certificate2? presented = null;
        await using var stream = new SslStream(tcp.GetStream());
        await stream.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            // Capture and verify below against the test CA only (not the machine's trust store).
            RemoteCertificateValidationCallback = (_, certificate, _, _) => (presented = new X509Certificate2(certificate!)) is not null,
        }, Timeout.Token);
        Assert.NotNull(presented);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(tls.Authority.Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(chain.Build(presented), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        Assert.Equal(tls.Server.Thumbprint, presented.Thumbprint);
        presented.Dispose();
    }

    [Fact]
    public async Task ServerConfig_RealClickHouse_PlainInterserverPortRemoved()
    {
        using var tls = new TlsDirectory();

        await using var server = await ClickHouseLocalServer.StartAsync(1, ports => tls.ConfigFiles(ports[0]));

        // The base config opens interserver_http_port; the generated file's remove="1" must take it away.
        using var tcp = new TcpClient();
        var error = await Assert.ThrowsAsync<SocketException>(() => tcp.ConnectAsync(IPAddress.Loopback, server.InterserverPort, Timeout.Token).AsTask());
        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
    }

    [Fact]
    public async Task BaseConfig_WithoutTheFile_PlainInterserverPortListens()
    {
        // Control for the test above: the refusal comes from the generated file, not from the base config.
        await using var server = await ClickHouseLocalServer.StartAsync();

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, server.InterserverPort, Timeout.Token);
        Assert.True(tcp.Connected);
    }

    [Fact]
    public async Task ClientSection_RealClickHouse_SecureDistributedQueryToCaIssuedPeerSucceeds()
    {
        using var tls = new TlsDirectory();

        await using var server = await ClickHouseLocalServer.StartAsync(2, ports => tls.ConfigFiles(ports[0], ports[1]));

        var (status, body) = await QueryAsync(server, "SELECT count() FROM cluster('dqe_tls', system.one)");
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal("1", body.Trim());
    }

    [Fact]
    public async Task ClientSection_RealClickHouse_PeerCertificateFromAnotherCaRejected()
    {
        using var tls = new TlsDirectory(foreignServerCertificate: true);

        await using var server = await ClickHouseLocalServer.StartAsync(2, ports => tls.ConfigFiles(ports[0], ports[1]));

        // strict + caConfig: a peer whose certificate does not chain to the engines CA is refused.
        var (status, body) = await QueryAsync(server, "SELECT count() FROM cluster('dqe_tls', system.one)");
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Contains("certificate verify failed", body, StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode Status, string Body)> QueryAsync(ClickHouseLocalServer server, string sql)
    {
        using var client = new HttpClient();
        using var content = new StringContent(sql);
        using var response = await client.PostAsync(server.HttpUri, content, Timeout.Token);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Timeout.Token));
    }

    /// <summary>A certificate secret as cert-manager writes it (tls.crt, tls.key, ca.crt), in a temp directory.</summary>
    private sealed class TlsDirectory : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("dqe-ch-tls-").FullName;
        private readonly TestCertificateAuthority _foreign = new("Some other CA");

        /// <param name="foreignServerCertificate">Issue tls.crt from another CA than the one written to ca.crt.</param>
        public TlsDirectory(bool foreignServerCertificate = false)
        {
            // Names localhost and 127.0.0.1: 18.16's extendedVerification checks the peer address, newer releases the host name.
            Server = (foreignServerCertificate ? _foreign : Authority).Issue("localhost");
            File.WriteAllText(Path.Combine(_path, "tls.crt"), Server.ExportCertificatePem());
            using var key = Server.GetRSAPrivateKey()!;
            File.WriteAllText(Path.Combine(_path, "tls.key"), key.ExportPkcs8PrivateKeyPem());
            File.WriteAllText(Path.Combine(_path, "ca.crt"), Authority.Pem);
        }

        public TestCertificateAuthority Authority { get; } = new("Dqe test engines CA");

        public X509Certificate2 Server { get; }

        /// <summary>
        /// The server half as the installation's openSSL/server settings give it, a secure native port and a cluster
        /// on it as the operator writes remote_servers for a secure cluster, plus the generated file.
        /// </summary>
        public Dictionary<string, string> ConfigFiles(int httpsPort, int securePort = 0) => new()
        {
            ["config.d/server-tls.xml"] = $"""
                <yandex>
                  <openSSL><server><certificateFile>{_path}/tls.crt</certificateFile><privateKeyFile>{_path}/tls.key</privateKeyFile><verificationMode>none</verificationMode></server></openSSL>
                  {(securePort == 0 ? "" : $"<tcp_port_secure>{securePort}</tcp_port_secure>")}
                  {(securePort == 0 ? "" : $"<remote_servers><dqe_tls><shard><replica><host>localhost</host><port>{securePort}</port><secure>1</secure></replica></shard></dqe_tls></remote_servers>")}
                </yandex>
                """,
            [ClickHouseInterserverTls.ServerConfigFile] = ClickHouseInterserverTls.ServerConfig(_path, httpsPort),
        };

        public void Dispose()
        {
            Server.Dispose();
            Authority.Dispose();
            _foreign.Dispose();
            Directory.Delete(_path, recursive: true);
        }
    }
}
