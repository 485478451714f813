using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Dqe.Core.Hosting;

/// <summary>
/// Base for every Dqe handler: a typed request record in, a typed response record out, both through
/// System.Text.Json source-generated metadata (AOT-safe). A malformed event becomes an
/// <see cref="InvalidRequestException"/> naming the JSON path that failed, before the handler runs.
/// </summary>
public abstract class FunctionHandler<TRequest, TResponse> : IFunctionHandler
    where TRequest : class
{
    private readonly JsonTypeInfo<TRequest> _requestType;
    private readonly JsonTypeInfo<TResponse> _responseType;

    protected FunctionHandler(JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType)
    {
        _requestType = requestType;
        _responseType = responseType;
    }

    public JsonTypeInfo RequestType => _requestType;

    public JsonTypeInfo ResponseType => _responseType;

    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, InvocationContext context, CancellationToken cancellationToken)
    {
        var request = Decode(payload.Span, _requestType);
        var response = await HandleAsync(request, context, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.SerializeToUtf8Bytes(response, _responseType);
    }

    /// <summary>The handler's work. Must honour <paramref name="cancellationToken"/>: it fires before the deadline.</summary>
    protected abstract Task<TResponse> HandleAsync(TRequest request, InvocationContext context, CancellationToken cancellationToken);

    internal static TRequest Decode(ReadOnlySpan<byte> payload, JsonTypeInfo<TRequest> type)
    {
        if (payload.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new InvalidRequestException("$", "the event is empty; send a JSON object");
        }

        try
        {
            return JsonSerializer.Deserialize(payload, type)
                ?? throw new InvalidRequestException("$", "the event is null; send a JSON object");
        }
        catch (JsonException e)
        {
            var field = e.Path ?? "$";
            throw new InvalidRequestException(field, Reason(e, field, type), e);
        }
    }

    // For a wrong-typed top-level field System.Text.Json names the record, not the field's type; say what was expected.
    private static string Reason(JsonException e, string field, JsonTypeInfo type)
    {
        if (e.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            && field.StartsWith("$.", StringComparison.Ordinal)
            && type.Properties.FirstOrDefault(p => p.Name == field[2..]) is { } property)
        {
            return $"expected a value of type {HandlerShape.TypeName(property.PropertyType)}";
        }

        return FirstSentence(e.Message);
    }

    // JsonException messages append "Path: ... | LineNumber: ..." which the field name already covers.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
