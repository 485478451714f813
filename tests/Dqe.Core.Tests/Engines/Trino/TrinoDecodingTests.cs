using System.Net;
using Dqe.Core.Engines;
using Dqe.Core.Engines.Trino;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Engines.Trino;

public class TrinoDecodingTests
{
    private const string Sql = "SELECT every_type";

    [Fact]
    public async Task ExecuteAsync_EveryType_DecodesTypedValues()
    {
        await using var harness = await TrinoHarness.StartAsync();
        harness.Fixture(Sql, "all-types.json");
        await using var result = await harness.Client().ExecuteAsync(new QueryRequest(Sql), default);

        var rows = await TrinoHarness.ReadAllAsync(result);

        var v = rows[0];
        Assert.Equal(9007199254740993L, v[0]);
        Assert.Equal(int.MinValue, v[1]);
        Assert.Equal((short)32767, v[2]);
        Assert.Equal((sbyte)-128, v[3]);
        Assert.Equal(1.5d, v[4]);
        Assert.Equal(2.25f, v[5]);
        Assert.Equal(12345678.90m, v[6]);
        Assert.Equal("1234567890123456789012345678901234.5678", v[7]!.ToString());
        Assert.Equal(true, v[8]);
        Assert.Equal("héllo \"q\"", v[9]);
        Assert.Equal("ab ", v[10]);
        Assert.Equal(new byte[] { 1, 2, 3 }, v[11]);
        Assert.Equal(new DateOnly(2024, 2, 29), v[12]);
        Assert.Equal(new TimeOnly(13, 45, 0, 123), v[13]);
        Assert.Equal(new TrinoTimeWithZone(new TimeOnly(13, 45, 0, 123), TimeSpan.FromHours(2)), v[14]);
        Assert.Equal(new DateTime(2024, 1, 31, 13, 45, 0).AddTicks(1234567), v[15]);
        Assert.Equal(new TrinoTimestampWithZone(new DateTimeOffset(2024, 1, 31, 13, 45, 0, 123, TimeSpan.Zero), "UTC"), v[16]);
        Assert.Equal(new DateTimeOffset(2024, 7, 1, 12, 0, 0, TimeSpan.FromHours(2)), ((TrinoTimestampWithZone)v[17]!).Value);
        Assert.Equal(new TrinoYearMonthInterval(-14), v[18]);
        Assert.Equal(new TimeSpan(1, 2, 3, 4, 500), v[19]);
        Assert.Equal("{\"a\":1}", v[20]);
        Assert.Equal(Guid.Parse("12151fd2-7586-11e9-8f9e-2a86e4085a59"), v[21]);
        Assert.Equal(IPAddress.Parse("2001:db8::1"), v[22]);
        Assert.Equal(new object?[] { 1L, null, 3L }, v[23]);
        var map = (Dictionary<object, object?>)v[24]!;
        Assert.True(double.IsNaN((double)map["k"]!));
        Assert.Null(map["n"]);
        Assert.Equal(new object?[] { "a" }, ((Dictionary<object, object?>)v[25]!)[7L]);
        var row = (TrinoRowValue)v[26]!;
        Assert.Equal(1L, row["x"]);
        Assert.Equal("two", row["y z"]);
        Assert.Equal(new DateTime(2024, 1, 1), row.Values[2]);
        Assert.Equal("AgwBAAAA", v[27]);
    }

    [Fact]
    public async Task ExecuteAsync_NullsAndSpecialDoubles_DecodeToNullAndInfinities()
    {
        await using var harness = await TrinoHarness.StartAsync();
        harness.Fixture(Sql, "all-types.json");
        await using var result = await harness.Client().ExecuteAsync(new QueryRequest(Sql), default);

        var v = (await TrinoHarness.ReadAllAsync(result))[1];

        Assert.Null(v[0]);
        Assert.Equal(double.PositiveInfinity, v[4]);
        Assert.Equal(float.NegativeInfinity, v[5]);
        Assert.Equal(TimeSpan.FromSeconds(-1), v[19]);
        Assert.Empty((object?[])v[23]!);
        Assert.Null(v[26]);
    }

    [Fact]
    public async Task ExecuteAsync_Columns_CarryTrinoTypeAndClrType()
    {
        await using var harness = await TrinoHarness.StartAsync();
        harness.Fixture(Sql, "all-types.json");
        await using var result = await harness.Client().ExecuteAsync(new QueryRequest(Sql), default);

        Assert.Equal(28, result.Columns.Count);
        Assert.Equal(new QueryColumn("dec", "decimal(10,2)", typeof(decimal)), result.Columns[6]);
        Assert.Equal(typeof(TrinoBigDecimal), result.Columns[7].ClrType);
        Assert.Equal(typeof(TrinoTimestampWithZone), result.Columns[16].ClrType);
    }

    [Fact]
    public async Task ReadRowsAsync_TypedGetters_ReadWithoutBoxingAndRejectWrongType()
    {
        await using var harness = await TrinoHarness.StartAsync();
        harness.Fixture(Sql, "all-types.json");
        await using var result = await harness.Client().ExecuteAsync(new QueryRequest(Sql), default);

        await foreach (var row in result.ReadRowsAsync())
        {
            Assert.Equal(28, row.FieldCount);
            if (!row.IsNull(0))
            {
                Assert.Equal(9007199254740993L, row.GetInt64(0));
                Assert.Equal(1.5, row.GetDouble(4));
                Assert.Equal("héllo \"q\"", row.GetString(9));
                Assert.Throws<InvalidCastException>(() => row.GetInt64(4));
            }
        }
    }
}
