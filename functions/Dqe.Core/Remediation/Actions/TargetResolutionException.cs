namespace Dqe.Core.Remediation.Actions;

/// <summary>The alert lacks (or has an unsafe value in) a label its action needs; the alert is escalated instead.</summary>
public sealed class TargetResolutionException : Exception
{
    public TargetResolutionException()
    {
    }

    public TargetResolutionException(string message)
        : base(message)
    {
    }

    public TargetResolutionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
