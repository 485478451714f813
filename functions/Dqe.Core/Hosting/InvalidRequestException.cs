namespace Dqe.Core.Hosting;

/// <summary>
/// Thrown by a handler (or the request decoder) when the event is unusable; becomes a
/// <see cref="ErrorTypes.InvalidRequest"/> error that names <see cref="Field"/>.
/// </summary>
public sealed class InvalidRequestException : Exception
{
    public InvalidRequestException()
        : this("$", "the request is invalid")
    {
    }

    public InvalidRequestException(string message)
        : this("$", message)
    {
    }

    public InvalidRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "$";
    }

    public InvalidRequestException(string field, string reason, Exception? innerException = null)
        : base($"invalid request field '{field}': {reason}", innerException)
    {
        Field = field;
    }

    /// <summary>JSON path of the failing field, e.g. <c>$.delayMs</c>; <c>$</c> for the whole body.</summary>
    public string Field { get; }
}
