using Dqe.Core.Engines;
using Dqe.Core.Engines.ClickHouse;
using Dqe.Core.Engines.Trino;

namespace Dqe.Cli.Query;

/// <summary>
/// Builds the engine client for CLI verbs. Secrets come from the environment, never the command line:
/// DQE_TRINO_PASSWORD / DQE_TRINO_TOKEN, DQE_CLICKHOUSE_PASSWORD.
/// </summary>
internal static class EngineFactory
{
    public static Uri ServerUri(string text) => Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        ? uri
        : throw new ArgumentException($"--server: '{text}' is not an absolute http(s) URL.");

    public static IQueryEngine Create(string engine, EngineSettings settings, HttpClient http) => engine switch
    {
        "trino" => Trino(settings, http),
        "clickhouse" => ClickHouse(settings, http),
        _ => throw new ArgumentException($"--engine: must be trino or clickhouse, got '{engine}'."),
    };

    private static TrinoClient Trino(EngineSettings s, HttpClient http)
    {
        var password = Environment.GetEnvironmentVariable("DQE_TRINO_PASSWORD");
        var token = Environment.GetEnvironmentVariable("DQE_TRINO_TOKEN");
        var user = s.User ?? Environment.UserName;
        var credentials = !string.IsNullOrEmpty(token) ? EngineCredentials.Bearer(token)
            : !string.IsNullOrEmpty(password) ? EngineCredentials.Basic(user, password) : null;
        return new TrinoClient(new TrinoClientOptions
        {
            Server = s.Server, User = user, Source = "dqe-cli", Catalog = s.Catalog, Schema = s.Schema,
            Credentials = credentials, AllowInsecureCredentials = s.AllowInsecure,
        }, http, TimeProvider.System);
    }

    private static ClickHouseClient ClickHouse(EngineSettings s, HttpClient http)
    {
        var password = Environment.GetEnvironmentVariable("DQE_CLICKHOUSE_PASSWORD");
        var credentials = s.User is null ? null : EngineCredentials.Basic(s.User, password ?? "");
        return new ClickHouseClient(new ClickHouseClientOptions
        {
            Server = s.Server, Database = s.Schema ?? "default", Credentials = credentials, AllowInsecureCredentials = s.AllowInsecure,
        }, http, TimeProvider.System);
    }
}
