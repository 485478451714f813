using Dqe.Core.Engines;
using Dqe.Core.Engines.ClickHouse;
using Dqe.Core.Tests.TestHelpers;
using Dqe.TestServers;

namespace Dqe.Core.Tests.Engines.ClickHouse;

[Collection(ClickHouseCollection.Name)]
public class ClickHouseClientTests(ClickHouseFixture fixture)
{
    [Fact]
    public async Task ExecuteAsync_MixedTypes_DecodesTypedValues()
    {
        const string Sql = """
            SELECT toUInt8(200) AS u8, toInt64(-9000000000) AS i64, toUInt64(18446744073709551615) AS u64, 'a\tb\\c\nd' AS s,
                   toDate('2024-02-29') AS d, toDateTime('2024-01-31 13:45:06') AS dt, CAST(NULL AS Nullable(String)) AS n,
                   toDecimal64(12.34, 2) AS dec, nan AS f, -inf AS ninf, toUUID('12151fd2-7586-11e9-8f9e-2a86e4085a59') AS u,
                   [1, 2] AS arr, toFixedString('ab', 2) AS fs, CAST('x' AS Enum8('x' = 1)) AS e
            """;
        await using var result = await fixture.Client().ExecuteAsync(new QueryRequest(Sql), default);

        var rows = await TrinoHarness.ReadAllAsync(result);

        var v = Assert.Single(rows);
        Assert.Equal((byte)200, v[0]);
        Assert.Equal(-9000000000L, v[1]);
        Assert.Equal(ulong.MaxValue, v[2]);
        Assert.Equal("a\tb\\c\nd", v[3]);
        Assert.Equal(new DateOnly(2024, 2, 29), v[4]);
        Assert.Equal(new DateTime(2024, 1, 31, 13, 45, 6), v[5]);
        Assert.Null(v[6]);
        Assert.Equal(12.34m, v[7]);
        Assert.True(double.IsNaN((double)v[8]!));
        Assert.Equal(double.NegativeInfinity, v[9]);
        Assert.Equal(Guid.Parse("12151fd2-7586-11e9-8f9e-2a86e4085a59"), v[10]);
        Assert.Equal("[1,2]", v[11]);
        Assert.Equal("ab", v[12]);
        Assert.Equal("x", v[13]);
        Assert.Equal(new QueryColumn("e", "Enum8('x' = 1)", typeof(string)), result.Columns[13]);
    }

    [Fact]
    public async Task ExecuteAsync_Parameters_BindsValuesAsLiteralsSafely()
    {
        var parameters = new Dictionary<string, string> { ["name"] = "O'Brien\\'; DROP TABLE x; --", ["n"] = "41" };
        await using var result = await fixture.Client().ExecuteAsync(
            new QueryRequest("SELECT {name:String} AS name, {n:UInt32} + 1 AS next, '{n:UInt32}' AS literal", parameters), default);

        var row = Assert.Single(await TrinoHarness.ReadAllAsync(result));

        Assert.Equal(["O'Brien\\'; DROP TABLE x; --", 42L, "{n:UInt32}"], [row[0], Convert.ToInt64(row[1]), row[2]]);
    }

    [Fact]
    public async Task ExecuteAsync_Settings_ReachTheServer()
    {
        var settings = new Dictionary<string, string> { ["max_block_size"] = "1234" };
        await using var result = await fixture.Client().ExecuteAsync(
            new QueryRequest("SELECT value FROM system.settings WHERE name = 'max_block_size'", Settings: settings), default);

        Assert.Equal("1234", Assert.Single(await TrinoHarness.ReadAllAsync(result))[0]);
    }

    [Fact]
    public async Task ExecuteAsync_LargeResult_StreamsEveryRowCompressed()
    {
        await using var result = await fixture.Client().ExecuteAsync(new QueryRequest("SELECT number, toString(number) FROM system.numbers LIMIT 300000"), default);

        long count = 0, sum = 0;
        await foreach (var row in result.ReadRowsAsync())
        {
            count++;
            sum += (long)row.Get<ulong>(0);
        }

        Assert.Equal((300000L, 300000L * 299999 / 2), (count, sum));
        Assert.Equal("FINISHED", result.Stats.State);
        Assert.Contains("gzip", fixture.Recorder.ContentEncodings);
    }

    [Theory]
    [InlineData(ClickHouseAuthMode.Headers)]
    [InlineData(ClickHouseAuthMode.Basic)]
    public async Task ExecuteAsync_PasswordUser_AuthenticatesInEachMode(ClickHouseAuthMode mode)
    {
        var client = fixture.Client(o => o with { Credentials = EngineCredentials.Basic("dqe", ClickHouseLocalServer.Password), AuthMode = mode, AllowInsecureCredentials = true });
        // 18.16 has no user()/currentUser(): the statement finds itself in system.processes instead.
        var id = $"whoami-{Guid.NewGuid()}";
        await using var result = await client.ExecuteAsync(new QueryRequest("SELECT user FROM system.processes WHERE query_id = {id:String}",
            new Dictionary<string, string> { ["id"] = id }, QueryId: id), default);

        Assert.Equal("dqe", Assert.Single(await TrinoHarness.ReadAllAsync(result))[0]);
    }

    [Fact]
    public async Task ExecuteAsync_WrongPassword_ThrowsAuthError()
    {
        var client = fixture.Client(o => o with { Credentials = EngineCredentials.Basic("dqe", "wrong"), AllowInsecureCredentials = true });

        var error = await Assert.ThrowsAsync<QueryEngineException>(() => client.ExecuteAsync(new QueryRequest("SELECT 1"), default));

        Assert.Equal(("WRONG_PASSWORD", 193), (error.ErrorName, error.ErrorCode));
    }

    [Fact]
    public async Task ExecuteAsync_SyntaxError_ThrowsWithServerCodeAndMessage()
    {
        var error = await Assert.ThrowsAsync<QueryEngineException>(() => fixture.Client().ExecuteAsync(new QueryRequest("SELEC 1"), default));

        Assert.Equal(("SYNTAX_ERROR", 62, "clickhouse"), (error.ErrorName, error.ErrorCode, error.Engine));
        Assert.Contains("Syntax error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadRowsAsync_ErrorAfterRowsStarted_Throws()
    {
        await using var result = await fixture.Client().ExecuteAsync(new QueryRequest(
            "SELECT number, throwIf(number = 900000) AS boom FROM system.numbers LIMIT 1000000", Settings: new Dictionary<string, string> { ["max_block_size"] = "1000" }), default);

        var error = await Assert.ThrowsAsync<QueryEngineException>(() => result.DrainAsync(default));

        Assert.Equal(395, error.ErrorCode);
    }

    [Fact]
    public async Task KillQueryAsync_RunningQuery_StopsIt()
    {
        await using var result = await fixture.Client().ExecuteAsync(new QueryRequest("SELECT number FROM system.numbers", QueryId: $"dqe-kill-{Guid.NewGuid()}"), default);
        await foreach (var _ in result.ReadRowsAsync())
        {
            break;
        }

        Assert.True(await fixture.Client().KillQueryAsync(result.QueryId, default));
    }

    [Fact]
    public async Task ExecuteAsync_DdlAndInsert_ReturnNoColumns()
    {
        await fixture.ExecAsync("CREATE TABLE IF NOT EXISTS default.ddl_probe (a UInt8) ENGINE = Memory");
        await using var result = await fixture.Client().ExecuteAsync(new QueryRequest("INSERT INTO default.ddl_probe VALUES (1)"), default);

        Assert.Empty(result.Columns);
        Assert.Equal(0, await result.DrainAsync(default));
    }

    [Fact]
    public async Task PingAsync_RunningServer_True() => Assert.True(await fixture.Client().PingAsync(default));
}
