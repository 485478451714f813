using Dqe.Core.Engines.Trino;

namespace Dqe.Core.Tests.Engines.Trino;

public class TrinoTypeTests
{
    [Theory]
    [InlineData("bigint", "bigint", false, 0)]
    [InlineData("decimal(10,2)", "decimal", false, 0)]
    [InlineData("timestamp(3) with time zone", "timestamp", true, 0)]
    [InlineData("time with time zone", "time", true, 0)]
    [InlineData("interval day to second", "interval day to second", false, 0)]
    [InlineData("array(row(a bigint, \"b c\" varchar(3)))", "array", false, 1)]
    [InlineData("map(varchar, array(integer))", "map", false, 2)]
    public void Parse_DisplayType_GivesBaseZoneAndArguments(string text, string expectedBase, bool withZone, int typeArguments)
    {
        var type = TrinoType.Parse(text);

        Assert.Equal(expectedBase, type.Base);
        Assert.Equal(withZone, type.WithTimeZone);
        Assert.Equal(typeArguments, type.TypeArguments.Count);
    }

    [Fact]
    public void Parse_RowWithNamedQuotedAndAnonymousFields_KeepsNamesInOrder()
    {
        var type = TrinoType.Parse("row(x bigint, \"y \"\"z\"\"\" varchar, timestamp(3) with time zone, interval year to month)");

        Assert.Equal(["x", "y \"z\"", null, null], type.FieldNames);
        Assert.Equal(["bigint", "varchar", "timestamp", "interval year to month"], type.TypeArguments.Select(t => t.Base));
        Assert.True(type.TypeArguments[2].WithTimeZone);
        Assert.Equal(3, type.TypeArguments[2].Number(0, -1));
    }

    [Theory]
    [InlineData("decimal(10,2")]
    [InlineData("decimal(10,2))")]
    public void Parse_Malformed_Throws(string text) => Assert.ThrowsAny<Exception>(() => TrinoType.Parse(text));

    [Theory]
    [InlineData("1234567890123456789012345678901234.5678")]
    [InlineData("-0.0001")]
    [InlineData("42")]
    public void BigDecimal_ParseThenToString_RoundTrips(string text) => Assert.Equal(text, TrinoBigDecimal.Parse(text).ToString());
}
