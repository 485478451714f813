using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dqe.Core.Engines;
using Dqe.Core.Engines.Trino;

namespace Dqe.Benchmarks;

/// <summary>
/// CPU only, no HTTP: one page parsed repeatedly by the floor's token walk and by the client's page parser,
/// interleaved page by page so machine noise hits both alike; then the cost of each column's decoding alone.
/// </summary>
internal static class ParseBench
{
    public static void Run(int rows, int pageRows)
    {
        var page = BenchData.PageBytes(pageRows);
        var ratios = new List<double>();
        for (var round = 0; round < 7; round++)
        {
            long walkTicks = 0, parseTicks = 0, readTicks = 0, walked = 0, parsed = 0, check = 0;
            for (var i = 0; i < rows / pageRows; i++)
            {
                var start = Stopwatch.GetTimestamp();
                walked += FloorReader.WalkForBench(page);
                var middle = Stopwatch.GetTimestamp();
                TrinoDecoder[]? decoders = null;
                var batches = TrinoPageParser.Parse(page, ref decoders).Data!;
                var end = Stopwatch.GetTimestamp();
                foreach (var batch in batches)
                {
                    for (var r = 0; r < batch.Count; r++)
                    {
                        var row = new Row(batch, r);
                        check += row.Get<long>(0) + row.Get<int>(1) + (long)row.Get<double>(2) + row.Get<string>(3).Length + (row.Get<bool>(4) ? 1 : 0)
                            + row.Get<DateOnly>(5).Day + row.Get<DateTime>(6).Second + (long)row.Get<decimal>(7);
                        parsed++;
                    }
                }

                readTicks += Stopwatch.GetTimestamp() - end;
                parseTicks += end - middle;
                walkTicks += middle - start;
            }

            ratios.Add((double)parseTicks / walkTicks);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: walk {walked * Stopwatch.Frequency / walkTicks:N0} rows/s; parse+decode {parsed * Stopwatch.Frequency / parseTicks:N0} rows/s; ratio {ratios[^1]:0.00}; reading every value typed adds {(double)readTicks / walkTicks:0.00} (check {check % 10})"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median ratio parse+decode / walk: {ratios.Order().ElementAt(ratios.Count / 2):0.00}"));
        for (var i = 0; i < 3; i++)
        {
            PerColumn(page);
        }
    }

    /// <summary>ns per value of each column's decoder on its own tokens (no scanning), to see where decoding time goes.</summary>
    private static void PerColumn(byte[] page)
    {
        TrinoDecoder[]? decoders = null;
        TrinoPageParser.Parse(page, ref decoders);
        var tokens = Enumerable.Range(0, decoders!.Length).Select(_ => new List<(JsonTokenType, int, int)>()).ToArray();
        var reader = new Utf8JsonReader(page);
        var column = -1;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 2 && reader.TokenType == JsonTokenType.StartArray)
            {
                column = 0;
            }
            else if (reader.CurrentDepth == 3 && column >= 0 && column < decoders.Length)
            {
                tokens[column++].Add((reader.TokenType, (int)reader.TokenStartIndex + (reader.TokenType == JsonTokenType.String ? 1 : 0), reader.ValueSpan.Length));
            }
        }

        for (var c = 0; c < decoders.Length; c++)
        {
            var vector = decoders[c].CreateVector(tokens[c].Count * 10);
            var start = Stopwatch.GetTimestamp();
            for (var repeat = 0; repeat < 10; repeat++)
            {
                foreach (var (type, offset, length) in tokens[c])
                {
                    decoders[c].TryAppend(type, page.AsSpan(offset, length), vector);
                }
            }

            var ns = Stopwatch.GetElapsedTime(start).TotalNanoseconds / (tokens[c].Count * 10);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"column {c} ({decoders[c].ClrType.Name}): {ns:0.0} ns/value"));
        }
    }
}
