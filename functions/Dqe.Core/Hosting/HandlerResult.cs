namespace Dqe.Core.Hosting;

/// <summary>The outcome of one invocation: the response JSON, or the error document to post.</summary>
public sealed record HandlerResult
{
    private HandlerResult(byte[]? response, ErrorDocument? error)
    {
        Response = response;
        Error = error;
    }

    /// <summary>UTF-8 response JSON when the handler succeeded.</summary>
    public byte[]? Response { get; }

    public ErrorDocument? Error { get; }

    public bool Succeeded => Error is null;

    public static HandlerResult Success(byte[] response) => new(response, null);

    public static HandlerResult Failure(ErrorDocument error) => new(null, error);
}
