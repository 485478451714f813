using Dqe.Core.Engines;
using Dqe.Core.Engines.ClickHouse;
using Dqe.Core.Engines.Trino;
using Dqe.Core.Hosting;

namespace Dqe.Core.Benchmarks.Functions;

/// <summary>
/// Engine clients for the bench handlers. Deployed, the function's <see cref="EngineConnections"/> carry the
/// engine users' credentials (from Secrets Manager) and CA trust, and attach them only when the run's server is
/// the configured engine URL; a server named in the workflow input that is anything else gets no credentials.
/// Without engine URLs in the environment (local runs) the clients connect without credentials.
/// Trino's catalog is the suite and its schema the scale.
/// </summary>
internal sealed class EnvironmentBenchEngines(HostServices services, HttpClient plain) : IBenchEngines
{
    public IQueryEngine Create(string engine, Uri server, string suite, string scale, string? database)
    {
        var environment = services.Environment;
        return engine switch
        {
            "trino" => new TrinoClient(new TrinoClientOptions { Server = server, User = "dqe-bench", Source = BenchmarkOptions.TrinoSource, Catalog = suite, Schema = scale },
                Configured(environment, FunctionVariables.TrinoUrl) ? services.Engines.TrinoHttp : plain, services.Time),
            "clickhouse" => new ClickHouseClient(new ClickHouseClientOptions { Server = server, Database = database ?? "default", AuthMode = ClickHouseAuthMode.Headers },
                Configured(environment, FunctionVariables.ClickHouseUrl) ? services.Engines.ClickHouseHttp : plain, services.Time),
            _ => throw new InvalidRequestException("$.engine", $"must be trino or clickhouse, got '{engine}'"),
        };
    }

    private static bool Configured(IFunctionEnvironment environment, string variable) => environment.Get(variable) is { Length: > 0 };
}
