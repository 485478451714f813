namespace Dqe.Core.Secrets;

/// <summary>A secret could not be read: missing, access denied, not a string, or Secrets Manager unreachable. The message never holds the value.</summary>
public sealed class SecretUnavailableException : Exception
{
    public SecretUnavailableException()
    {
    }

    public SecretUnavailableException(string message)
        : base(message)
    {
    }

    public SecretUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
