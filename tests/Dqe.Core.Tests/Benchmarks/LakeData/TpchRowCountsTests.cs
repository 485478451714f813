using Dqe.Core.Benchmarks.LakeData;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Benchmarks.LakeData;

public class TpchRowCountsTests
{
    [Theory]
    [InlineData("tiny")]
    [InlineData("sf1")]
    public void Exact_SevenTables_TheCountsTrinosGeneratorProduces(string scale)
    {
        var generated = scale == "tiny" ? TpchLakeTrino.TinyRows : TpchLakeTrino.Sf1Rows;

        Assert.All(generated.Where(t => t.Key != "lineitem"), t => Assert.Equal(t.Value, TpchRowCounts.Exact(t.Key, scale)));
        Assert.Null(TpchRowCounts.Exact("lineitem", scale));
    }

    [Theory]
    [InlineData("customer", "sf100", 15_000_000)]
    [InlineData("partsupp", "sf1000", 800_000_000)]
    [InlineData("orders", "sf0.5", 750_000)]
    [InlineData("nation", "sf1000", 25)]
    [InlineData("region", "sf10", 5)]
    public void Exact_LargerAndFractionalScales_BaseTimesScaleFactor(string table, string scale, long rows) =>
        Assert.Equal(rows, TpchRowCounts.Exact(table, scale));

    [Theory]
    [InlineData(60175, "tiny", true)]
    [InlineData(6_001_215, "sf1", true)]
    [InlineData(60175, "sf1", false)]
    [InlineData(6_070_000, "sf1", false)]
    public void PlausibleLineitem_WithinOnePercentOfSixMillionPerScaleFactor(long rows, string scale, bool plausible) =>
        Assert.Equal(plausible, TpchRowCounts.PlausibleLineitem(rows, scale));

    [Fact]
    public void Exact_NotATpchTable_Throws() =>
        Assert.Equal("table", Assert.Throws<ArgumentException>(() => TpchRowCounts.Exact("hits", "sf1")).ParamName);
}
