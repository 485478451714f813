namespace Dqe.Core.Secrets;

/// <summary>Secrets Manager answered with an error document; <see cref="ErrorType"/> is its short type (e.g. ResourceNotFoundException). Never holds a secret value.</summary>
public sealed class SecretsManagerException : Exception
{
    public SecretsManagerException()
    {
    }

    public SecretsManagerException(string message)
        : base(message)
    {
    }

    public SecretsManagerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SecretsManagerException(string errorType, int status, string message)
        : base($"{errorType}: {message}")
    {
        ErrorType = errorType;
        Status = status;
        Detail = message;
    }

    public string ErrorType { get; } = "";

    public int Status { get; }

    /// <summary>The service's own message, without the type prefix.</summary>
    public string Detail { get; } = "";

    public bool IsNotFound => ErrorType == "ResourceNotFoundException";
}
