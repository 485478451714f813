using Dqe.Core.Hosting.Telemetry;
using Dqe.Core.Tests.TestHelpers;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.Hosting.Telemetry;

public class EmfMetricsTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly CapturedOutput _output = new();

    [Fact]
    public void Flush_Metrics_OneDocumentMatchingTheEmfSpecification()
    {
        var metrics = Create(("Workflow", "backup"), ("Handler", "dqe.backup"));
        metrics.Add("QueryLatency", 812, MetricUnit.Milliseconds);
        metrics.Add("QueryLatency", 655, MetricUnit.Milliseconds);
        metrics.Add("Rows", 10, MetricUnit.Count);

        metrics.Flush();

        var line = Assert.Single(_output.Lines);
        var aws = line.GetProperty("_aws");
        Assert.Equal(Now.ToUnixTimeMilliseconds(), aws.GetProperty("Timestamp").GetInt64());
        var directive = Assert.Single(aws.GetProperty("CloudWatchMetrics").EnumerateArray().ToList());
        Assert.Equal("Dqe", directive.GetProperty("Namespace").GetString());
        var dimensionSet = Assert.Single(directive.GetProperty("Dimensions").EnumerateArray().ToList());
        Assert.Equal(["Workflow", "Handler"], dimensionSet.EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(
            ["QueryLatency:Milliseconds", "Rows:Count"],
            directive.GetProperty("Metrics").EnumerateArray().Select(m => $"{m.GetProperty("Name").GetString()}:{m.GetProperty("Unit").GetString()}"));
        Assert.Equal("backup", line.GetProperty("Workflow").GetString());
        Assert.Equal([812.0, 655.0], line.GetProperty("QueryLatency").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(10, line.GetProperty("Rows").GetDouble());
    }

    [Fact]
    public void Flush_NothingRecordedOrAlreadyFlushed_WritesNoLine()
    {
        var metrics = Create();
        metrics.Flush();
        metrics.Add("A", 1, MetricUnit.Count);
        metrics.Flush();
        metrics.Flush();

        Assert.Single(_output.Lines);
    }

    [Fact]
    public void Add_NameUsedByADimension_Rejected()
    {
        var metrics = Create(("Workflow", "x"));

        Assert.Throws<ArgumentException>(() => metrics.Add("Workflow", 1, MetricUnit.Count));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Add_NotFinite_Rejected(double value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Create().Add("A", value, MetricUnit.None));
    }

    [Fact]
    public void Add_MoreThanEmfLimits_RejectedBeforeWriting()
    {
        var metrics = Create();
        for (var i = 0; i < 100; i++)
        {
            metrics.Add($"M{i}", i, MetricUnit.Count);
        }

        for (var i = 1; i < 100; i++)
        {
            metrics.Add("M0", i, MetricUnit.Count);
        }

        Assert.Throws<InvalidOperationException>(() => metrics.Add("M100", 1, MetricUnit.Count));
        Assert.Throws<InvalidOperationException>(() => metrics.Add("M0", 1, MetricUnit.Count));
        var dimensions = Create();
        for (var i = 0; i < 30; i++)
        {
            dimensions.SetDimension($"D{i}", "v");
        }

        Assert.Throws<InvalidOperationException>(() => dimensions.SetDimension("D30", "v"));
        Assert.Empty(_output.Lines);
    }

    [Theory]
    [InlineData(MetricUnit.Count, "Count")]
    [InlineData(MetricUnit.Milliseconds, "Milliseconds")]
    [InlineData(MetricUnit.Seconds, "Seconds")]
    [InlineData(MetricUnit.Bytes, "Bytes")]
    [InlineData(MetricUnit.Percent, "Percent")]
    [InlineData(MetricUnit.None, "None")]
    public void UnitName_EachUnit_CloudWatchSpelling(MetricUnit unit, string expected)
    {
        Assert.Equal(expected, EmfMetrics.UnitName(unit));
    }

    private EmfMetrics Create(params (string Name, string Value)[] dimensions) =>
        new(_output.Writer, new FakeTimeProvider(Now), dimensions.Select(d => KeyValuePair.Create(d.Name, d.Value)));
}
