using System.Globalization;
using System.Xml.Linq;
using Dqe.Core.Benchmarks.Reports;

namespace Dqe.Core.Tests.Benchmarks.Reports;

public sealed class SvgChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void GroupedBars_LongSeriesName_NextLegendEntryStartsAfterIt()
    {
        const string longName = "baseline 20261201T090322Z-clickhouse-tpch-gen_tiny";
        var svg = SvgCharts.GroupedBars("Median latency", ["q01", "q02"], [(longName, [1.0, 2.0]), ("candidate", [1.5, 2.5])], "ms");

        var legend = Texts(svg).Where(t => t.Value is longName or "candidate").ToList();

        Assert.Equal(2, legend.Count);
        var firstEnd = X(legend[0]) + SvgCharts.TextWidth(longName, 12);
        Assert.True(X(legend[1]) > firstEnd, $"second legend entry at {X(legend[1])} overlaps the first, which ends near {firstEnd}");
    }

    [Fact]
    public void Line_SeveralRuns_OuterLabelsAnchoredInwardsWithZeroAxis()
    {
        var svg = SvgCharts.Line("Trend", [("20261129T020000Z-a", 8.0), ("20261130T020000Z-b", 9.0), ("20261201T020000Z-c", 8.5)], "ms");

        var labels = Texts(svg).Where(t => t.Value.StartsWith("2026", StringComparison.Ordinal)).ToList();

        Assert.Equal(["start", "middle", "end"], labels.Select(l => (string?)l.Attribute("text-anchor")));
        Assert.Contains(Texts(svg), t => t.Value == "0 ms");
        Assert.Single(XElement.Parse(svg).Elements(Svg + "line"));
    }

    private static List<XElement> Texts(string svg) => [.. XElement.Parse(svg).Elements(Svg + "text")];

    private static double X(XElement text) => double.Parse((string)text.Attribute("x")!, CultureInfo.InvariantCulture);
}
