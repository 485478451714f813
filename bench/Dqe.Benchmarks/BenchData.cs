using System.Globalization;
using System.Text;
using Dqe.TestServers;

namespace Dqe.Benchmarks;

/// <summary>
/// The 8-column mixed-type result (bigint, integer, double, varchar, boolean, date, timestamp(3), decimal(12,2))
/// as Trino would page it: one data page of <c>pageRows</c> rows, served again and again (server memory stays flat).
/// </summary>
internal static class BenchData
{
    public const string Columns = """
        "columns":[{"name":"id","type":"bigint"},{"name":"qty","type":"integer"},{"name":"price","type":"double"},
        {"name":"name","type":"varchar(25)"},{"name":"active","type":"boolean"},{"name":"day","type":"date"},
        {"name":"ts","type":"timestamp(3)"},{"name":"amount","type":"decimal(12,2)"}]
        """;

    public static TrinoScript Script(int rows, int pageRows)
    {
        var page = Page(pageRows);
        var steps = new List<TrinoScriptStep> { TrinoScriptStep.Json($"{{{Columns},\"stats\":{{\"state\":\"RUNNING\"}}}}") };
        for (var served = 0; served < rows; served += pageRows)
        {
            steps.Add(served + pageRows <= rows ? new TrinoScriptStep { Page = page } : new TrinoScriptStep { Page = Page(rows - served) });
        }

        steps.Add(TrinoScriptStep.Json($"{{{Columns},\"stats\":{{\"state\":\"FINISHED\",\"processedRows\":{rows}}}}}", last: true));
        return new TrinoScript(steps);
    }

    public static byte[] PageBytes(int rows) => Page(rows);

    private static byte[] Page(int rows)
    {
        var json = new StringBuilder(rows * 130).Append('{').Append(Columns).Append(",\"data\":[");
        var start = new DateTime(2024, 1, 1, 0, 0, 0);
        for (var i = 0; i < rows; i++)
        {
            var ts = start.AddMilliseconds(i * 1234567L);
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $"[{9_000_000_000L + i},{i % 1000},{i * 1.25 / 7:R},\"Customer#{i:D9}\",{(i % 3 == 0 ? "true" : "false")},\"{ts:yyyy-MM-dd}\",\"{ts:yyyy-MM-dd HH:mm:ss.fff}\",\"{i % 100000}.{i % 100:D2}\"]");
        }

        return Encoding.UTF8.GetBytes(json.Append("],\"stats\":{\"state\":\"RUNNING\"}}").ToString());
    }
}
