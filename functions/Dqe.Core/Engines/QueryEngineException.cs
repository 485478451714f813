namespace Dqe.Core.Engines;

/// <summary>
/// A statement failed. Carries the engine's own error identity (Trino errorName/errorCode/errorType,
/// ClickHouse exception code) so callers can tell user errors from infrastructure failures.
/// </summary>
public class QueryEngineException : Exception
{
    public QueryEngineException(string message) : base(message) { }

    public QueryEngineException(string message, Exception inner) : base(message, inner) { }

    public QueryEngineException(string engine, string? queryId, string errorName, int errorCode, string errorType, string message, Exception? inner = null)
        : base(message, inner)
    {
        Engine = engine;
        QueryId = queryId;
        ErrorName = errorName;
        ErrorCode = errorCode;
        ErrorType = errorType;
    }

    public string Engine { get; } = "";

    public string? QueryId { get; }

    /// <summary>Symbolic error, e.g. <c>SYNTAX_ERROR</c>, <c>TABLE_NOT_FOUND</c>, <c>HTTP_503</c>.</summary>
    public string ErrorName { get; } = "";

    public int ErrorCode { get; }

    /// <summary><c>USER_ERROR</c>, <c>INTERNAL_ERROR</c>, <c>INSUFFICIENT_RESOURCES</c>, <c>EXTERNAL</c> or <c>CLIENT</c>.</summary>
    public string ErrorType { get; } = "";

    /// <summary>One line for humans: <c>trino SYNTAX_ERROR (1, USER_ERROR): line 1:8: ...</c>.</summary>
    public string ToOneLine() =>
        $"{Engine} {ErrorName} ({ErrorCode}, {ErrorType}){(QueryId is null ? "" : $" query {QueryId}")}: {Message.ReplaceLineEndings(" ")}";
}
