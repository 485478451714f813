using System.Text.Json.Serialization;

namespace Dqe.Core.Hosting;

/// <summary>
/// The error body the Lambda Runtime API expects on /error and /init/error:
/// <c>{"errorMessage": "...", "errorType": "...", "stackTrace": [...]}</c>. Step Functions surfaces
/// <see cref="ErrorType"/> as the error name that Retry/Catch match on.
/// </summary>
public sealed record ErrorDocument(
    [property: JsonPropertyName("errorMessage")] string ErrorMessage,
    [property: JsonPropertyName("errorType")] string ErrorType,
    [property: JsonPropertyName("stackTrace")] IReadOnlyList<string> StackTrace)
{
    public static ErrorDocument From(string errorType, string message) => new(message, errorType, []);

    public static ErrorDocument From(string errorType, Exception exception) =>
        new(exception.Message, errorType, SplitStackTrace(exception.StackTrace));

    private static string[] SplitStackTrace(string? stackTrace) =>
        stackTrace is null ? [] : stackTrace.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
