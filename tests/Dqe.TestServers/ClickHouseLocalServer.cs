using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dqe.TestServers;

/// <summary>
/// A throwaway <c>clickhouse-server</c> (the Debian package, 18.16 here) on free 127.0.0.1 ports with its own
/// config, users and data under a temp dir. Users: <c>default</c> (no password) and <c>dqe</c>/<see cref="Password"/>.
/// Missing binary is a hard failure with the install command, never a skip.
/// </summary>
public sealed class ClickHouseLocalServer : IAsyncDisposable
{
    public const string Password = "dqe-test-password";
    private static readonly string[] Candidates = ["/usr/sbin/clickhouse-server", "/usr/bin/clickhouse-server", "/usr/bin/clickhouse"];
    private readonly Process _process;
    private readonly string _root;

    private ClickHouseLocalServer(Process process, string root, Uri uri, int interserverPort)
    {
        _process = process;
        _root = root;
        HttpUri = uri;
        InterserverPort = interserverPort;
    }

    public Uri HttpUri { get; }

    /// <summary>The plain interserver_http_port of the base config (a config file may remove it).</summary>
    public int InterserverPort { get; }

    /// <param name="usersXml">A users.xml of the test's own (e.g. rendered from the installation's users); null = the two users above.</param>
    /// <param name="configFiles">Extra files by path relative to the config (e.g. config.d/x.xml), merged by the server as in production.</param>
    public static async Task<ClickHouseLocalServer> StartAsync(IReadOnlyDictionary<string, string>? configFiles = null, string? usersXml = null)
    {
        var binary = Candidates.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
            "clickhouse-server is not installed (looked for " + string.Join(", ", Candidates) + "). Run scripts/setup.sh or: " +
            "sudo apt-get install -y clickhouse-server clickhouse-client");
        // Free ports are chosen before the server binds them, so a parallel test can take one in between: the
        // server then exits with "Address already in use", and a fresh set of ports is tried.
        for (var attempt = 1; ; attempt++)
        {
            var server = Launch(binary, configFiles, usersXml);
            var failure = await server.WaitReadyAsync().ConfigureAwait(false);
            if (failure is null)
            {
                return server;
            }

            await server.DisposeAsync().ConfigureAwait(false);
            if (attempt == 3 || !failure.Contains("Address already in use", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{binary} did not answer /ping on {server.HttpUri} within 60 s. Error log tail:\n{failure}");
            }
        }
    }

    private static ClickHouseLocalServer Launch(string binary, IReadOnlyDictionary<string, string>? configFiles, string? usersXml)
    {
        var root = Directory.CreateTempSubdirectory("dqe-clickhouse-").FullName;
        var (http, tcp, interserver) = FreePorts();
        File.WriteAllText(Path.Combine(root, "config.xml"), Config(root, http, tcp, interserver));
        File.WriteAllText(Path.Combine(root, "users.xml"), usersXml ?? Users);
        foreach (var (name, content) in configFiles ?? new Dictionary<string, string>())
        {
            var path = Path.Combine(root, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }

        var arguments = binary.EndsWith("/clickhouse", StringComparison.Ordinal) ? "server " : "";
        var start = new ProcessStartInfo(binary, $"{arguments}--config-file={Path.Combine(root, "config.xml")}")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {binary}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ClickHouseLocalServer(process, root, new Uri($"http://127.0.0.1:{http}/"), interserver);
    }

    /// <summary>Null once the server answers /ping; otherwise the tail of its error log.</summary>
    private async Task<string?> WaitReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                break;
            }

            try
            {
                if ((await client.GetStringAsync(new Uri(HttpUri, "ping")).ConfigureAwait(false)).StartsWith("Ok.", StringComparison.Ordinal))
                {
                    return null;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            // Waiting for an external process to come up; no logic under test depends on this delay.
            await Task.Delay(100).ConfigureAwait(false);
        }

        var log = Path.Combine(_root, "clickhouse-server.err.log");
        return File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(20)) : "(no error log)";
    }

    /// <summary>Three distinct free loopback ports, held open together while chosen.</summary>
    private static (int Http, int Tcp, int Interserver) FreePorts()
    {
        var listeners = Enumerable.Range(0, 3).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
            return (ports[0], ports[1], ports[2]);
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    private static string Config(string root, int http, int tcp, int interserver) => $"""
        <?xml version="1.0"?>
        <yandex>
          <logger><level>warning</level><log>{root}/clickhouse-server.log</log><errorlog>{root}/clickhouse-server.err.log</errorlog><console>0</console></logger>
          <http_port>{http}</http_port>
          <tcp_port>{tcp}</tcp_port>
          <interserver_http_port>{interserver}</interserver_http_port>
          <listen_host>127.0.0.1</listen_host>
          <path>{root}/data/</path>
          <tmp_path>{root}/tmp/</tmp_path>
          <user_files_path>{root}/user_files/</user_files_path>
          <format_schema_path>{root}/format_schemas/</format_schema_path>
          <users_config>{root}/users.xml</users_config>
          <default_profile>default</default_profile>
          <default_database>default</default_database>
          <mark_cache_size>5368709120</mark_cache_size>
          <max_concurrent_queries>50</max_concurrent_queries>
          <remote_servers>
            <dqe_local><shard><replica><host>127.0.0.1</host><port>{tcp}</port></replica></shard></dqe_local>
          </remote_servers>
        </yandex>
        """;

    private const string Users = $"""
        <?xml version="1.0"?>
        <yandex>
          <profiles><default></default></profiles>
          <users>
            <default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default>
            <dqe><password>{Password}</password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></dqe>
          </users>
          <quotas><default></default></quotas>
        </yandex>
        """;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Leftover temp files are harmless; the next run uses a new directory.
        }
    }
}
