using System.Globalization;
using System.Text.RegularExpressions;

namespace Dqe.Core.Engines.ClickHouse;

/// <summary>Turns ClickHouse's error text (old: <c>Code: 47, e.displayText() = DB::Exception: ...</c>; new: <c>Code: 47. DB::Exception: ...</c>) into an exception.</summary>
internal static partial class ClickHouseErrors
{
    public static bool LooksLikeError(ReadOnlySpan<byte> line) => line.StartsWith("Code: "u8) && line.IndexOf("DB::Exception"u8) >= 0;

    public static QueryEngineException Parse(string text, string? queryId, int? httpStatus, string? codeHeader)
    {
        var match = Pattern().Match(text);
        var code = int.TryParse(codeHeader, NumberStyles.Integer, CultureInfo.InvariantCulture, out var fromHeader) ? fromHeader
            : match.Success ? int.Parse(match.Groups["code"].Value, CultureInfo.InvariantCulture) : httpStatus ?? 0;
        var message = match.Success ? match.Groups["message"].Value.Trim() : text.Trim();
        message = message.Replace(", e.what() = DB::Exception", "", StringComparison.Ordinal);
        return new QueryEngineException("clickhouse", queryId, Name(code), code, Type(code), message);
    }

    // The handful of codes callers branch on; others keep their number.
    private static string Name(int code) => code switch
    {
        47 => "UNKNOWN_IDENTIFIER",
        60 => "UNKNOWN_TABLE",
        62 => "SYNTAX_ERROR",
        81 => "UNKNOWN_DATABASE",
        159 => "TIMEOUT_EXCEEDED",
        192 => "UNKNOWN_USER",
        193 => "WRONG_PASSWORD",
        394 => "QUERY_WAS_CANCELLED",
        516 => "AUTHENTICATION_FAILED",
        _ => $"CLICKHOUSE_{code}",
    };

    private static string Type(int code) => code switch
    {
        159 or 241 => "INSUFFICIENT_RESOURCES",
        192 or 193 or 516 or 497 => "USER_ERROR",
        >= 1000 => "INTERNAL_ERROR",
        _ => "USER_ERROR",
    };

    [GeneratedRegex(@"^Code: (?<code>\d+)[.,]\s*(?:e\.displayText\(\) = )?(?:DB::Exception: )?(?<message>.*)$", RegexOptions.Singleline)]
    private static partial Regex Pattern();
}
