namespace Dqe.Core.Secrets.Rotation;

/// <summary>A rotation step could not be carried out; Secrets Manager marks the rotation failed and retries later. Never holds a password.</summary>
public sealed class RotationFailedException : Exception
{
    public RotationFailedException()
    {
    }

    public RotationFailedException(string message)
        : base(message)
    {
    }

    public RotationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
