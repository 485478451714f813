using Dqe.Core.Engines;
using Dqe.Core.Engines.ClickHouse;
using Dqe.Core.Engines.Trino;
using Dqe.Core.Hosting;

namespace Dqe.Core.Benchmarks.Functions;

/// <summary>
/// Engine clients for the Lambda: user/secret from the function environment (DQE_BENCH_USER plus
/// DQE_TRINO_PASSWORD / DQE_TRINO_TOKEN / DQE_CLICKHOUSE_PASSWORD), never from the workflow input.
/// Trino's catalog is the suite and its schema the scale.
/// </summary>
internal sealed class EnvironmentBenchEngines(IFunctionEnvironment environment, HttpClient http, TimeProvider time) : IBenchEngines
{
    public IQueryEngine Create(string engine, Uri server, string suite, string scale)
    {
        var user = environment.Get("DQE_BENCH_USER");
        return engine switch
        {
            "trino" => new TrinoClient(new TrinoClientOptions
            {
                Server = server, User = user ?? "dqe-bench", Source = BenchmarkOptions.TrinoSource, Catalog = suite, Schema = scale,
                Credentials = environment.Get("DQE_TRINO_TOKEN") is { Length: > 0 } token ? EngineCredentials.Bearer(token)
                    : environment.Get("DQE_TRINO_PASSWORD") is { Length: > 0 } password ? EngineCredentials.Basic(user ?? "dqe-bench", password) : null,
            }, http, time),
            "clickhouse" => new ClickHouseClient(new ClickHouseClientOptions
            {
                Server = server,
                Credentials = user is null ? null : EngineCredentials.Basic(user, environment.Get("DQE_CLICKHOUSE_PASSWORD") ?? ""),
            }, http, time),
            _ => throw new InvalidRequestException("$.engine", $"must be trino or clickhouse, got '{engine}'"),
        };
    }
}
