using Dqe.TestServers.Hosting;

namespace Dqe.TestServers;

/// <summary>
/// A throwaway <c>clickhouse-server</c> (the Debian package, 18.16 here) on free 127.0.0.1 ports with its own
/// config, users and data under a temp dir. Users: <c>default</c> (no password) and <c>dqe</c>/<see cref="Password"/>.
/// Missing binary is a hard failure with the install command, never a skip.
/// </summary>
public sealed class ClickHouseLocalServer : IAsyncDisposable
{
    public const string Password = "dqe-test-password";
    private const int BasePorts = 3;
    private static readonly string[] Candidates = ["/usr/sbin/clickhouse-server", "/usr/bin/clickhouse-server", "/usr/bin/clickhouse"];
    private readonly LocalProcess _process;

    private ClickHouseLocalServer(LocalProcess process) => _process = process;

    public Uri HttpUri => _process.BaseUri;

    /// <summary>The plain interserver_http_port of the base config (a config file may remove it).</summary>
    public int InterserverPort => _process.Ports[2];

    /// <summary>The ports asked for with <see cref="StartAsync(int, Func{IReadOnlyList{int}, IReadOnlyDictionary{string, string}}, string?, ILoopbackPorts?)"/>, in order.</summary>
    public IReadOnlyList<int> ExtraPorts => [.. _process.Ports.Skip(BasePorts)];

    /// <param name="usersXml">A users.xml of the test's own (e.g. rendered from the installation's users); null = the two users above.</param>
    /// <param name="configFiles">Extra files by path relative to the config (e.g. config.d/x.xml), merged by the server as in production.</param>
    public static Task<ClickHouseLocalServer> StartAsync(IReadOnlyDictionary<string, string>? configFiles = null, string? usersXml = null) =>
        StartAsync(0, _ => configFiles ?? new Dictionary<string, string>(), usersXml);

    /// <summary>
    /// As above, for config files that open ports of their own (a secure port, an HTTPS interserver port): they are
    /// rendered for <paramref name="extraPorts"/> free ports (see <see cref="ExtraPorts"/>), chosen afresh with the
    /// server's own when a parallel test took one first.
    /// </summary>
    /// <param name="ports">Where ports come from; null = free ones.</param>
    public static async Task<ClickHouseLocalServer> StartAsync(
        int extraPorts, Func<IReadOnlyList<int>, IReadOnlyDictionary<string, string>> configFiles, string? usersXml = null, ILoopbackPorts? ports = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(extraPorts);
        ArgumentNullException.ThrowIfNull(configFiles);
        var binary = Candidates.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
            "clickhouse-server is not installed (looked for " + string.Join(", ", Candidates) + "). Run scripts/setup.sh or: " +
            "sudo apt-get install -y clickhouse-server clickhouse-client");
        var options = new LocalProcessOptions
        {
            Binary = binary,
            Package = "clickhouse-server clickhouse-client",
            Ports = BasePorts + extraPorts,
            Prepare = (root, chosen) => Prepare(binary, root, chosen, configFiles([.. chosen.Skip(BasePorts)]), usersXml),
            ReadyAsync = async (client, server) =>
                (await client.GetStringAsync(new Uri(server.BaseUri, "ping")).ConfigureAwait(false)).StartsWith("Ok.", StringComparison.Ordinal),
            ErrorLog = "clickhouse-server.err.log",
        };
        return new ClickHouseLocalServer(await LocalProcess.StartAsync(options, ports).ConfigureAwait(false));
    }

    private static string[] Prepare(string binary, string root, IReadOnlyList<int> ports, IReadOnlyDictionary<string, string> configFiles, string? usersXml)
    {
        var config = Path.Combine(root, "config.xml");
        File.WriteAllText(config, Config(root, ports[0], ports[1], ports[2]));
        File.WriteAllText(Path.Combine(root, "users.xml"), usersXml ?? Users);
        foreach (var (name, content) in configFiles)
        {
            var path = Path.Combine(root, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }

        // The all-in-one binary takes the tool name first; the clickhouse-server link does not.
        return binary.EndsWith("/clickhouse", StringComparison.Ordinal) ? ["server", $"--config-file={config}"] : [$"--config-file={config}"];
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

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
