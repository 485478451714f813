using System.Diagnostics;
using Dqe.Core.Engines.Trino;

namespace Dqe.Benchmarks;

/// <summary>CPU only, no HTTP: one page parsed repeatedly by the floor's token walk and by the client's page parser.</summary>
internal static class ParseBench
{
    public static void Run(int rows, int pageRows)
    {
        var page = BenchData.PageBytes(pageRows);
        for (var round = 0; round < 5; round++)
        {
            var watch = Stopwatch.StartNew();
            long walked = 0;
            for (var i = 0; i < rows / pageRows; i++)
            {
                walked += FloorReader.WalkForBench(page);
            }

            var walk = watch.Elapsed;
            watch.Restart();
            long parsed = 0;
            for (var i = 0; i < rows / pageRows; i++)
            {
                TrinoDecoder[]? decoders = null;
                parsed += TrinoPageParser.Parse(page, ref decoders).Data!.Count;
            }

            Console.WriteLine($"round {round}: walk {walked / walk.TotalSeconds:N0} rows/s; parse+decode {parsed / watch.Elapsed.TotalSeconds:N0} rows/s; ratio {watch.Elapsed / walk:0.00}");
        }
    }
}
