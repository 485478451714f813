namespace Dqe.Core.Remediation.Webhook;

/// <summary>A webhook request refused before any decision: <see cref="StatusCode"/> is 400, 401 or 413.</summary>
public sealed class WebhookRejectedException : Exception
{
    public WebhookRejectedException(int statusCode, string field, string message)
        : base($"{field}: {message}")
    {
        StatusCode = statusCode;
        Field = field;
    }

    public WebhookRejectedException()
        : this(400, "$", "rejected")
    {
    }

    public WebhookRejectedException(string message)
        : this(400, "$", message)
    {
    }

    public WebhookRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 400;
        Field = "$";
    }

    public int StatusCode { get; }

    public string Field { get; }
}
