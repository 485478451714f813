namespace Dqe.Core.Engines.Trino;

/// <summary>
/// Trino over its REST statement protocol: POST /v1/statement, follow nextUri, stream typed rows.
/// One client holds one <see cref="TrinoSession"/> (catalog, schema, properties, prepared statements,
/// transaction), updated by the server's response headers like a browser updates cookies.
/// </summary>
public sealed class TrinoClient : IQueryEngine
{
    private readonly TrinoPageFetcher _fetcher;

    /// <param name="options">Validated here; bad options throw <see cref="ArgumentException"/> naming the field.</param>
    /// <param name="http">Owned by the caller (timeouts are applied per request by this client).</param>
    /// <param name="time">Clock for backoff and timeouts.</param>
    public TrinoClient(TrinoClientOptions options, HttpClient http, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        Session = new TrinoSession(options);
        var sender = new RetryingHttpSender(http, time, options.Retry, options.RequestTimeout, Name);
        _fetcher = new TrinoPageFetcher(options, Session, sender, http);
    }

    public string Name => "trino";

    public TrinoClientOptions Options { get; }

    public TrinoSession Session { get; }

    public async Task<QueryResult> ExecuteAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var query = new TrinoQuery(_fetcher, request);
        try
        {
            await query.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await query.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new QueryResult(query);
    }
}
