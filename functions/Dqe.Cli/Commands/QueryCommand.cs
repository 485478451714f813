using System.CommandLine;
using Dqe.Cli.Query;
using Dqe.Core.Engines;

namespace Dqe.Cli.Commands;

/// <summary>
/// <c>dqe query trino|clickhouse --server URL [...] "SQL"</c>: runs one statement and prints its rows.
/// Secrets come from the environment, never the command line: DQE_TRINO_PASSWORD / DQE_TRINO_TOKEN,
/// DQE_CLICKHOUSE_PASSWORD.
/// </summary>
internal static class QueryCommand
{
    public static Command Create() => new("query", "Run one SQL statement on an engine and print the rows (tsv or json lines).")
    {
        Engine("trino", "Query Trino over its REST protocol.", withCatalog: true),
        Engine("clickhouse", "Query ClickHouse over its HTTP interface.", withCatalog: false),
    };

    private static Command Engine(string name, string description, bool withCatalog)
    {
        var sql = new Argument<string>("sql") { Description = "The statement (quote it)." };
        var server = new Option<string>("--server") { Description = "Engine URL, e.g. https://trino:8443 or http://127.0.0.1:8123", Required = true };
        var user = new Option<string?>("--user") { Description = "User name (password/token from the environment)." };
        var catalog = new Option<string?>("--catalog") { Description = "Default catalog." };
        var schema = new Option<string?>(withCatalog ? "--schema" : "--database") { Description = withCatalog ? "Default schema." : "Default database." };
        var format = new Option<RowFormat>("--format") { Description = "tsv (header + rows) or json (one object per line).", DefaultValueFactory = _ => RowFormat.Tsv };
        var insecure = new Option<bool>("--allow-insecure-credentials") { Description = "Send credentials over plain http (local test clusters only)." };
        var command = new Command(name, description) { sql, server, user, schema, format, insecure };
        if (withCatalog)
        {
            command.Options.Add(catalog);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            try
            {
                var settings = new EngineSettings(EngineFactory.ServerUri(parse.GetRequiredValue(server)), parse.GetValue(user), parse.GetValue(catalog), parse.GetValue(schema), parse.GetValue(insecure));
                var engine = EngineFactory.Create(withCatalog ? "trino" : "clickhouse", settings, http);
                var progress = new ProgressLine(error, TimeProvider.System, name);
                await using var result = await engine.ExecuteAsync(new QueryRequest(parse.GetRequiredValue(sql), Progress: progress), cancellationToken);
                await new RowWriter(parse.InvocationConfiguration.Output, parse.GetValue(format)).WriteAsync(result, cancellationToken);
                if (result.UpdateType is { } update)
                {
                    error.WriteLine(result.UpdateCount is { } count ? $"{update}: {count} rows" : update);
                }

                return 0;
            }
            catch (QueryEngineException e)
            {
                error.WriteLine($"dqe query: {e.ToOneLine()}");
                return 1;
            }
            catch (ArgumentException e)
            {
                error.WriteLine($"dqe query: {e.Message}");
                return 2;
            }
            catch (OperationCanceledException)
            {
                error.WriteLine("dqe query: cancelled");
                return 130;
            }
        });
        return command;
    }
}
