using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dqe.Core.Engines.Trino;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Engines.Trino;

public class TrinoPageParserTests
{
    private static string AllTypesPage() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "assets", "trino", "all-types.json")))!["steps"]![1]!["page"]!.ToJsonString();

    public static TheoryData<string> Layouts() => new()
    {
        "compact",
        "indented",
        "ascii-escaped",
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Parse_EveryTypeInAnyLayout_DecodesLikeTheReaderPath(string layout)
    {
        var node = JsonNode.Parse(AllTypesPage())!;
        var page = layout switch
        {
            // Default encoder: é and quotes become \u00E9 / \u0022, so strings take the escaped path.
            "ascii-escaped" => node.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.Default }),
            "indented" => node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
            _ => node.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
        };

        var scanned = TrinoPages.Scanned(page);

        Assert.Equal(TrinoPages.ReaderDecoded(page), scanned);
        Assert.Contains("String:héllo \"q\"", scanned[0], StringComparison.Ordinal);
        Assert.Contains("TrinoTimestampWithZone:", scanned[0], StringComparison.Ordinal);
        Assert.StartsWith("NULL | NULL | NULL | NULL | Double:Infinity | Single:-Infinity", scanned[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.17857142857142858")]
    [InlineData("-0.0")]
    [InlineData("1e300")]
    [InlineData("4.9E-324")]
    [InlineData("123456789012345678")]
    [InlineData("9007199254740993.0")]
    [InlineData("0.30000000000000004")]
    [InlineData("1234567890.1234567")]
    public void Parse_DoubleColumn_EqualsFrameworkParse(string text)
    {
        var page = $"{{\"columns\":[{{\"name\":\"d\",\"type\":\"double\"}}],\"data\":[[{text}],[null],[\"NaN\"],[\"-Infinity\"]]}}";

        var expected = double.Parse(text, System.Globalization.CultureInfo.InvariantCulture).ToString("R", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal([$"Double:{expected}", "NULL", "Double:NaN", "Double:-Infinity"], TrinoPages.Scanned(page));
    }

    [Theory]
    [InlineData("[[1,2]]", "more values than the 1 columns")]
    [InlineData("[[]]", "has 0 values but there are 1 columns")]
    [InlineData("[[01]]", "expected")]
    [InlineData("[[1.]]", "")]
    [InlineData("[[-]]", "")]
    [InlineData("[[1] [2]]", "',' or ']' after a row")]
    [InlineData("[[1]", "after a row")]
    [InlineData("[[tru]]", "")]
    [InlineData("[[\"12\u0001\"]]", "")]
    [InlineData("[[\"12]]", "")]
    [InlineData("[1]", "a row (JSON array)")]
    public void Parse_MalformedData_ThrowsJsonException(string data, string message)
    {
        var page = Encoding.UTF8.GetBytes($"{{\"columns\":[{{\"name\":\"n\",\"type\":\"bigint\"}}],\"data\":{data}}}");
        TrinoDecoder[]? decoders = null;

        var error = Assert.ThrowsAny<JsonException>(() => TrinoPageParser.Parse(page, ref decoders));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bigint", "\"x\"")]
    [InlineData("bigint", "1.5")]
    [InlineData("double", "\"fast\"")]
    [InlineData("date", "17")]
    [InlineData("boolean", "1")]
    public void Parse_ValueOfTheWrongKind_ThrowsFormatExceptionNamingTheType(string type, string value)
    {
        var page = Encoding.UTF8.GetBytes($"{{\"columns\":[{{\"name\":\"c\",\"type\":\"{type}\"}}],\"data\":[[{value}]]}}");
        TrinoDecoder[]? decoders = null;

        var error = Assert.Throws<FormatException>(() => TrinoPageParser.Parse(page, ref decoders));

        Assert.Contains($"as Trino {type}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DataBeforeColumns_DecodesOnceColumnsAreKnown()
    {
        var page = "{\"data\":[[1,\"a\"],[2,null]],\"columns\":[{\"name\":\"n\",\"type\":\"bigint\"},{\"name\":\"s\",\"type\":\"varchar\"}]}";

        Assert.Equal(["Int64:1 | String:a", "Int64:2 | NULL"], TrinoPages.Scanned(page));
    }

    [Fact]
    public void Parse_ZeroColumns_CountsRows()
    {
        TrinoDecoder[]? decoders = null;

        var page = TrinoPageParser.Parse("{\"columns\":[],\"data\":[[],[] , []]}"u8, ref decoders);

        Assert.Equal(3, page.Data!.Sum(b => b.Count));
    }

    [Fact]
    public void Parse_NextUriBeforeRows_ReadsAheadBeforeDecodingThem()
    {
        // The second row is malformed: the call-back must already have happened when decoding fails.
        var page = "{\"nextUri\":\"http://x/2\",\"columns\":[{\"name\":\"n\",\"type\":\"bigint\"}],\"data\":[[1],[}"u8.ToArray();
        TrinoDecoder[]? decoders = null;
        var calls = new List<(string Uri, bool HadDecoders)>();

        Assert.ThrowsAny<JsonException>(() => TrinoPageParser.Parse(page, ref decoders, (uri, known) => calls.Add((uri, known is not null))));

        Assert.Equal([("http://x/2", true)], calls);
    }

    [Fact]
    public void Parse_NextUriAfterRows_ReadsAheadOnceAtTheEnd()
    {
        var page = "{\"columns\":[{\"name\":\"n\",\"type\":\"bigint\"}],\"data\":[[1]],\"nextUri\":\"http://x/2\"}"u8.ToArray();
        TrinoDecoder[]? decoders = null;
        var calls = new List<(string Uri, bool HadDecoders)>();

        var parsed = TrinoPageParser.Parse(page, ref decoders, (uri, known) => calls.Add((uri, known is not null)));

        Assert.Equal([("http://x/2", true)], calls);
        Assert.Equal(1, parsed.Data!.Sum(b => b.Count));
    }

    [Fact]
    public void Parse_PageWithoutNextUri_DoesNotReadAhead()
    {
        TrinoDecoder[]? decoders = null;
        var called = false;

        TrinoPageParser.Parse("{\"columns\":[{\"name\":\"n\",\"type\":\"bigint\"}],\"data\":[[1]]}"u8, ref decoders, (_, _) => called = true);

        Assert.False(called);
    }

    [Fact]
    public void Parse_VarcharWithInvalidUtf8_Throws()
    {
        var page = Encoding.UTF8.GetBytes("{\"columns\":[{\"name\":\"s\",\"type\":\"varchar\"}],\"data\":[[\"ab\"]]}");
        page[page.AsSpan().IndexOf("\"ab\""u8) + 1] = 0xFF;
        TrinoDecoder[]? decoders = null;

        Assert.ThrowsAny<Exception>(() => TrinoPageParser.Parse(page, ref decoders));
    }
}
