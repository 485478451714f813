namespace Dqe.Core.Hosting;

/// <summary>
/// Error types posted as both the <c>Lambda-Runtime-Function-Error-Type</c> header and the body's
/// <c>errorType</c>, in the documented <c>Category.Reason</c> form, so workflows can Retry/Catch on them.
/// </summary>
public static class ErrorTypes
{
    /// <summary>The event did not match the handler's request record (names the failing field).</summary>
    public const string InvalidRequest = "Function.InvalidRequest";

    /// <summary>The handler did not finish before the invocation deadline.</summary>
    public const string Timeout = "Function.Timeout";

    /// <summary>Prefix for a handler exception; the exception's type name follows.</summary>
    public const string FunctionPrefix = "Function.";

    /// <summary>_HANDLER names no registered handler.</summary>
    public const string UnknownHandler = "Runtime.UnknownHandler";

    /// <summary>The function's environment is incomplete or invalid.</summary>
    public const string InvalidConfig = "Runtime.InvalidConfig";

    /// <summary>Header carrying the error type on /error and /init/error posts.</summary>
    public const string HeaderName = "Lambda-Runtime-Function-Error-Type";

    public static string ForException(Exception exception) => FunctionPrefix + exception.GetType().Name;
}
