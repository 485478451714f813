using System.Text;
using System.Text.Json.Nodes;
using Dqe.Core.Benchmarks.Functions;
using Dqe.Core.Engines;
using Dqe.Core.Hosting;
using Dqe.Core.Hosting.Telemetry;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>Runs the bench handlers in-process against a scripted engine and a temp-directory report store.</summary>
internal sealed class BenchHandlerHarness : IBenchEngines
{
    public BenchHandlerHarness(Func<string, int, ScriptedAnswer> script)
    {
        Engine = new ScriptedQueryEngine(Time, (sql, call) => sql.StartsWith("SELECT version()", StringComparison.Ordinal) ? ScriptedAnswer.Version("435") : script(sql, call));
        Root = Directory.CreateTempSubdirectory("dqe-bench-store-").FullName;
        Store = new LocalReportStore(Root);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));

    public ScriptedQueryEngine Engine { get; }

    public string Root { get; }

    public LocalReportStore Store { get; }

    public Dictionary<string, double> Metrics { get; } = [];

    public IQueryEngine Create(string engine, Uri server, string suite, string scale, string? database)
    {
        Created.Add((engine, server, database));
        return Lake is not null && engine == "trino" ? Lake : ClickHouse is not null && engine == "clickhouse" ? ClickHouse : Engine;
    }

    /// <summary>Every client a handler asked for: engine, server, database.</summary>
    public List<(string Engine, Uri Server, string? Database)> Created { get; } = [];

    /// <summary>The Trino the lake writer talks to (a replay-server client), when set.</summary>
    public IQueryEngine? Lake { get; set; }

    /// <summary>The ClickHouse the table loader talks to (a real local server's client), when set.</summary>
    public IQueryEngine? ClickHouse { get; set; }

    public Task<JsonNode> InvokeAsync(string handler, JsonNode input) => InvokeAsync(handler switch
    {
        BenchPrepareHandler.Name => new BenchPrepareHandler(this, Time),
        BenchPrepareLakeHandler.Name => new BenchPrepareLakeHandler(this),
        BenchLoadTablesHandler.Name => new BenchLoadTablesHandler(this),
        BenchRunQueryHandler.Name => new BenchRunQueryHandler(this, Store, Time),
        BenchAggregateHandler.Name => new BenchAggregateHandler(Store, Time),
        BenchCompareHandler.Name => new BenchCompareHandler(Store),
        _ => new BenchReportHandler(Store, Time),
    }, input);

    private async Task<JsonNode> InvokeAsync(IFunctionHandler handler, JsonNode input)
    {
        var context = new InvocationContext
        {
            RequestId = "r", HandlerName = "bench", Deadline = Time.GetUtcNow().AddMinutes(15),
            Log = new NullLog(), Metrics = new Recorder(Metrics),
        };
        var output = await handler.InvokeAsync(Encoding.UTF8.GetBytes(input.ToJsonString()), context, default);
        return JsonNode.Parse(output)!;
    }

    private sealed class NullLog : IFunctionLog
    {
        public void Write(LogLevel level, string message)
        {
            // Handler logs are not under test here.
        }
    }

    private sealed class Recorder(Dictionary<string, double> values) : IMetrics
    {
        public void Add(string name, double value, MetricUnit unit) => values[name] = value;

        public void SetDimension(string name, string value) => values["dimension:" + name + "=" + value] = 1;
    }
}
