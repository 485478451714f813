namespace Dqe.Lambda.Runtime;

/// <summary>The Runtime API refused a call or could not be reached; the loop cannot go on.</summary>
internal sealed class RuntimeApiException : Exception
{
    public RuntimeApiException()
    {
    }

    public RuntimeApiException(string message)
        : base(message)
    {
    }

    public RuntimeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
