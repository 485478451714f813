using System.Text.Json.Serialization.Metadata;

namespace Dqe.Core.Hosting;

/// <summary>
/// A Dqe function as the host sees it: raw event bytes in, a <see cref="HandlerResult"/> out. Implement
/// <see cref="FunctionHandler{TRequest,TResponse}"/> rather than this; it does the typed JSON mapping.
/// </summary>
public interface IFunctionHandler
{
    /// <summary>Source-generated metadata of the request record (also used by <c>dqe handlers</c>).</summary>
    JsonTypeInfo RequestType { get; }

    JsonTypeInfo ResponseType { get; }

    /// <summary>Runs the handler. Throws only what the handler throws; <see cref="InvocationRunner"/> maps that to errors.</summary>
    Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, InvocationContext context, CancellationToken cancellationToken);
}
