using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Dqe.Benchmarks;
using Dqe.Core.Engines;
using Dqe.Core.Engines.Trino;
using Dqe.TestServers;

// Usage: dotnet run -c Release --project bench/Dqe.Benchmarks [-- --rows 1000000 --runs 5 --page-rows 10000]
// The replay server runs in a child process so allocation figures count the client only.
var rows = Arg("--rows", 1_000_000);
var runs = Arg("--runs", 5);
var pageRows = Arg("--page-rows", 10_000);
var smallRows = Math.Max(pageRows, rows / 10);

if (args.Length > 0 && args[0] == "serve")
{
    await using var replay = await TrinoReplayServer.StartAsync();
    replay.Record = false;
    replay.Script("SELECT bench", BenchData.Script(rows, pageRows));
    replay.Script("SELECT bench_small", BenchData.Script(smallRows, pageRows));
    Console.WriteLine(replay.BaseUri);
    while (Console.ReadLine() is not null)
    {
        // Serve until the parent closes stdin.
    }

    return 0;
}

if (args.Length > 0 && args[0] == "parse")
{
    ParseBench.Run(rows, pageRows);
    return 0;
}

using var server = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, $"serve --rows {rows} --page-rows {pageRows}")
{
    RedirectStandardInput = true,
    RedirectStandardOutput = true,
})!;
var uri = new Uri((await server.StandardOutput.ReadLineAsync())!);
Console.WriteLine($"replay server {uri} (child pid {server.Id}); {rows:N0} rows x 8 columns, {pageRows:N0} rows/page, {runs} runs, median reported");
Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");

using var http = new HttpClient();
var results = new List<string>();

Contender[] contenders =
[
    new("transport only: HttpClient read, no JSON parsing", async (sql, sample) => await FloorReader.ReadAsync(http, uri, sql, sample, parse: false)),
    new("floor: HttpClient + Utf8JsonReader walk, no decoding", async (sql, sample) => await FloorReader.ReadAsync(http, uri, sql, sample)),
    new("Dqe TrinoClient, every value read typed", async (sql, sample) =>
    {
        var client = new TrinoClient(new TrinoClientOptions { Server = uri, User = "bench" }, http, TimeProvider.System);
        await using var result = await client.ExecuteAsync(new QueryRequest(sql), default);
        long count = 0, check = 0;
        await foreach (var row in result.ReadRowsAsync())
        {
            check += row.Get<long>(0) + row.Get<int>(1) + (long)row.Get<double>(2) + row.Get<string>(3).Length + (row.Get<bool>(4) ? 1 : 0)
                + row.Get<DateOnly>(5).Day + row.Get<DateTime>(6).Second + (long)row.Get<decimal>(7);
            if ((++count & 0xFFFF) == 0)
            {
                sample(count);
            }
        }

        return check == 0 ? -1 : count;
    }),
];
const int Floor = 1, Dqe = 2;

foreach (var contender in contenders)
{
    contender.PeakSmall = await PeakAsync(contender.Read, "SELECT bench_small", smallRows);
    contender.Peak = await PeakAsync(contender.Read, "SELECT bench", rows);
}

// Interleaved rounds (the order rotates each round), so machine noise hits every contender alike; the floor/Dqe
// ratio is taken within each round and its median reported.
var ratios = new List<double>();
var cpuRatios = new List<double>();
for (var round = 0; round < runs; round++)
{
    var seconds = new double[contenders.Length];
    for (var k = 0; k < contenders.Length; k++)
    {
        var index = (round + k) % contenders.Length;
        seconds[index] = await TimeAsync(contenders[index]);
    }

    ratios.Add(seconds[Dqe] / seconds[Floor]);
    cpuRatios.Add(contenders[Dqe].CpuSeconds[^1] / contenders[Floor].CpuSeconds[^1]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"round {round + 1}: {string.Join("; ", contenders.Select((c, i) => $"{c.Name.Split(':')[0].Split(',')[0]} {rows / seconds[i]:N0} rows/s"))}; Dqe/floor time {seconds[Dqe] / seconds[Floor]:0.00}"));
}

var npm = await NpmAsync();

Console.WriteLine();
Console.WriteLine("| client | rows/s (median) | CPU ns/row (median, all threads) | allocated bytes/row | GCs gen0/1/2 per run | live heap while streaming (max), 1/10 rows → all rows |");
Console.WriteLine("|---|---:|---:|---:|---|---|");
foreach (var contender in contenders)
{
    Console.WriteLine(contender.Row(rows));
}

Console.WriteLine(npm.Row);
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Dqe vs npm trino-client: {contenders[Dqe].Median / npm.RowsPerSecond:0.00}x faster (target >= 3x)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Dqe time / floor time, per round: {string.Join(" ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}; median {Median(ratios):0.00}x (target <= 1.2x)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Dqe CPU time / floor CPU time (all threads), per round: {string.Join(" ", cpuRatios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}; median {Median(cpuRatios):0.00}x"));
server.StandardInput.Close();
await server.WaitForExitAsync();
return 0;

async Task<double> TimeAsync(Contender contender)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var before = GC.GetTotalAllocatedBytes(true);
    var collections = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var count = await contender.Read("SELECT bench", _ => { });
    watch.Stop();
    contender.CpuSeconds.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    contender.Collections = string.Join('/', collections.Select((c, g) => GC.CollectionCount(g) - c));
    Require(count, rows, contender.Name);
    contender.Allocated = GC.GetTotalAllocatedBytes(true) - before;
    contender.Speeds.Add(rows / watch.Elapsed.TotalSeconds);
    return watch.Elapsed.TotalSeconds;
}

// Live memory while streaming: a full collection at each sample (untimed runs), so garbage does not count.
async Task<long> PeakAsync(Func<string, Action<long>, Task<long>> read, string sql, int expected)
{
    GC.Collect();
    var peak = 0L;
    var every = Math.Max(pageRows, expected / 8);
    var next = (long)every;
    Require(await read(sql, seen =>
    {
        if (seen >= next)
        {
            next += every;
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
        }
    }), expected, sql);
    return peak;
}

async Task<Result> NpmAsync()
{
    var script = Path.Combine(AppContext.BaseDirectory, "trino-npm-bench.mjs");
    var repoModules = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../node_modules/trino-client"));
    var speeds = new List<double>();
    var peaks = new List<long>();
    foreach (var (sql, expected) in new[] { ("SELECT bench_small", smallRows) }.Concat(Enumerable.Repeat(("SELECT bench", rows), runs)))
    {
        var start = new ProcessStartInfo("node", [script, uri.ToString(), sql]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["TRINO_CLIENT_PATH"] = repoModules;
        using var node = Process.Start(start)!;
        var output = await node.StandardOutput.ReadToEndAsync();
        await node.WaitForExitAsync();
        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm trino-client run failed (run `npm ci` at the repo root first): {await node.StandardError.ReadToEndAsync()}");
        }

        var json = JsonNode.Parse(output)!;
        Require((long)json["rows"]!, expected, "npm trino-client");
        peaks.Add((long)json["peakHeapBytes"]!);
        if (expected == rows)
        {
            speeds.Add(rows / ((double)json["ms"]! / 1000));
        }
    }

    var median = Median(speeds);
    return new Result(median, string.Create(CultureInfo.InvariantCulture,
        $"| npm trino-client 0.2.9 (node {NodeVersion()}), rows as parsed JSON arrays | {median:N0} | n/a | n/a (V8) | n/a | {peaks[0] / 1048576.0:0.0} MiB → {peaks.Skip(1).Max() / 1048576.0:0.0} MiB (V8 heapUsed) |"));
}

static string NodeVersion()
{
    using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true })!;
    return node.StandardOutput.ReadToEnd().Trim();
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static void Require(long actual, long expected, string who)
{
    if (actual != expected)
    {
        throw new InvalidOperationException($"{who} read {actual} rows, expected {expected}.");
    }
}

int Arg(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

internal sealed record Result(double RowsPerSecond, string Row);
