using Dqe.Core.Engines;
using Dqe.Core.Engines.ClickHouse;
using Dqe.TestServers.Hosting;

namespace Dqe.Core.Tests.Engines.ClickHouse;

public class ClickHouseUnitTests
{
    [Theory]
    [InlineData("Code: 47, e.displayText() = DB::Exception: Unknown identifier: bad, e.what() = DB::Exception", 47, "Unknown identifier: bad")]
    [InlineData("Code: 60. DB::Exception: Table default.x does not exist. (UNKNOWN_TABLE) (version 24.3.1.1)", 60, "Table default.x does not exist. (UNKNOWN_TABLE) (version 24.3.1.1)")]
    public void ErrorsParse_OldAndNewFormats_ExtractCodeAndMessage(string text, int code, string message)
    {
        var error = ClickHouseErrors.Parse(text, "q", 404, null);

        Assert.Equal((code, message), (error.ErrorCode, error.Message));
    }

    [Fact]
    public void Bind_PlaceholderInsideLiteral_LeftAlone() =>
        Assert.Equal("SELECT CAST('it\\'s' AS String), '{x:String}', `{x:String}`",
            ClickHouseParameters.Bind("SELECT {x:String}, '{x:String}', `{x:String}`", new Dictionary<string, string> { ["x"] = "it's" }));

    [Fact]
    public void Bind_MissingValue_ThrowsNamingPlaceholder()
    {
        var error = Assert.Throws<ArgumentException>(() => ClickHouseParameters.Bind("SELECT {y:UInt8}", new Dictionary<string, string>()));

        Assert.Contains("{y:UInt8}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Array(Nullable(UInt8))", typeof(string))]
    [InlineData("LowCardinality(Nullable(String))", typeof(string))]
    [InlineData("Nullable(DateTime('Europe/Berlin'))", typeof(DateTime))]
    [InlineData("Decimal(38, 10)", typeof(decimal))]
    public void Decoders_ForType_PicksClrType(string type, Type expected) => Assert.Equal(expected, ClickHouseDecoders.For(type).ClrType);

    [Fact]
    public async Task ExecuteAsync_NothingListening_RetriesThenFailsWithConnectionError()
    {
        using var closed = new ClosedLoopbackPort();
        var client = new ClickHouseClient(
            new ClickHouseClientOptions { Server = closed.Uri, Retry = new RetryOptions(2, TimeSpan.Zero, TimeSpan.Zero) }, new HttpClient(), TimeProvider.System);

        var error = await Assert.ThrowsAsync<QueryEngineException>(() => client.ExecuteAsync(new QueryRequest("SELECT 1"), default));

        Assert.Equal("CONNECTION_FAILED", error.ErrorName);
        Assert.Contains("2 attempt", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://ch:8123/", "default", true, "Credentials")]
    [InlineData("http://ch:8123/", "bad-db", false, "Database")]
    public void Constructor_InvalidOptions_ThrowsNamingField(string server, string database, bool credentials, string field)
    {
        var options = new ClickHouseClientOptions { Server = new Uri(server), Database = database, Credentials = credentials ? EngineCredentials.Basic("u", "p") : null };

        Assert.Equal(field, Assert.Throws<ArgumentException>(() => new ClickHouseClient(options, new HttpClient(), TimeProvider.System)).ParamName);
    }
}
