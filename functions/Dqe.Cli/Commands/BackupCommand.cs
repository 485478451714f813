using System.CommandLine;
using System.Globalization;
using Dqe.Core.Backup;
using Dqe.Core.Engines;
using Dqe.Core.Engines.ClickHouse;

namespace Dqe.Cli.Commands;

/// <summary>
/// <c>dqe backup list|run|verify</c>: the backup workflow from a laptop against a ClickHouse URL, manifests in a
/// local directory (the same layout as the backups bucket).
/// </summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var store = new Option<string>("--store") { Description = "Directory holding the manifests (ID/manifest.json).", Required = true };
        var list = new Command("list", "List backups with kind, state, usable, tables and size.") { store };
        list.SetAction(async (parse, cancellationToken) =>
        {
            var manifests = await new LocalBackupStore(parse.GetRequiredValue(store)).ListManifestsAsync(cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine("id\tkind\tstate\tusable\ttables\tbytes\tbase");
            foreach (var m in manifests)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{m.Id}\t{m.Kind}\t{m.State}\t{m.Usable}\t{m.Tables.Count}\t{m.TotalBytes}\t{m.BaseBackupId ?? "-"}"));
            }

            return 0;
        });
        return new Command("backup", "Take, verify and list ClickHouse backups.") { list, Run(store), Verify(store) };
    }

    private static Command Run(Option<string> store)
    {
        var kind = new Option<string>("--kind") { Description = "auto (full on Sundays, else incremental), full or incremental.", DefaultValueFactory = _ => "auto" };
        var command = Engine(new Command("run", "Plan, back up, poll, verify by restoring into scratch databases, apply retention."), store, (runner, parse, ct) =>
            runner.RunAsync(BackupHandler.ParseKind(parse.GetValue(kind)), parse.InvocationConfiguration.Error.WriteLine, ct));
        command.Options.Add(kind);
        return command;
    }

    private static Command Verify(Option<string> store)
    {
        var id = new Argument<string>("id") { Description = "Backup id, e.g. ch-full-20261122-020000." };
        var command = Engine(new Command("verify", "Restore a backup into scratch databases, compare with its manifest, drop them."), store, (runner, parse, ct) =>
            runner.VerifyAsync(parse.GetRequiredValue(id), parse.InvocationConfiguration.Error.WriteLine, ct));
        command.Arguments.Add(id);
        return command;
    }

    private static Command Engine(Command command, Option<string> store, Func<BackupRunner, ParseResult, CancellationToken, Task<BackupManifest>> action)
    {
        var server = new Option<string>("--clickhouse") { Description = "ClickHouse HTTP URL, e.g. http://127.0.0.1:8123", Required = true };
        var databases = new Option<string[]>("--database") { Description = "Database to back up (repeat for more).", Required = true, AllowMultipleArgumentsPerToken = true };
        var destination = new Option<string>("--destination") { Description = "S3 https URL of the backup root.", Required = true };
        var cluster = new Option<string?>("--cluster") { Description = "Cluster for ON CLUSTER." };
        var engine = new Option<string>("--engine") { Description = "native (BACKUP, ClickHouse >= 22.8) or copy (older servers).", DefaultValueFactory = _ => "native" };
        var poll = new Option<int>("--poll-seconds") { Description = "Seconds between progress polls.", DefaultValueFactory = _ => 10 };
        command.Options.Add(store);
        foreach (var option in new Option[] { server, databases, destination, cluster, engine, poll })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var options = new BackupOptions(parse.GetRequiredValue(databases), Url(parse.GetRequiredValue(destination), "--destination"), parse.GetValue(cluster));
                using var http = new HttpClient();
                var client = new ClickHouseClient(new ClickHouseClientOptions { Server = Url(parse.GetRequiredValue(server), "--clickhouse") }, http, TimeProvider.System);
                var sql = new QueryEngineSqlRunner(client);
                IBackupEngine backups = parse.GetValue(engine) switch
                {
                    "native" => new ClickHouseBackupEngine(sql, options.Cluster),
                    "copy" => new CopyBackupEngine(sql),
                    var other => throw new ArgumentException($"--engine: '{other}' must be native or copy."),
                };
                var service = new BackupService(options, backups, sql, new LocalBackupStore(parse.GetRequiredValue(store)), TimeProvider.System);
                var manifest = await action(new BackupRunner(service, TimeProvider.System, TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(poll)))), parse, cancellationToken);
                parse.InvocationConfiguration.Output.WriteLine($"{manifest.Id}\t{(manifest.Usable ? "usable" : "UNUSABLE")}");
                return manifest.Usable ? 0 : 1;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or QueryEngineException or Dqe.Core.Hosting.InvalidRequestException)
            {
                error.WriteLine($"dqe backup: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static Uri Url(string text, string option) => Uri.TryCreate(text, UriKind.Absolute, out var uri)
        ? uri
        : throw new ArgumentException($"{option}: '{text}' is not an absolute URL.");
}
