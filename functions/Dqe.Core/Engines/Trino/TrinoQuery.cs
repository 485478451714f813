namespace Dqe.Core.Engines.Trino;

/// <summary>
/// One statement following the protocol: pages are fetched by following <c>nextUri</c>; the next page is
/// fetched (and decoded) while the caller consumes the current one, so at most two pages are in memory.
/// </summary>
internal sealed class TrinoQuery(TrinoPageFetcher fetcher, QueryRequest request) : IRowBatchSource
{
    private readonly Queue<RowBatch> _ready = new();
    private readonly List<QueryWarning> _warnings = [];
    private TrinoDecoder[]? _decoders;
    private string? _nextUri;
    private Task<TrinoPage>? _prefetch;
    private CancellationTokenSource? _prefetchCancel;

    public string QueryId { get; private set; } = "";

    public IReadOnlyList<QueryColumn> Columns { get; private set; } = [];

    public QueryStats Stats { get; private set; } = QueryStats.Empty;

    public string? UpdateType { get; private set; }

    public long? UpdateCount { get; private set; }

    public IReadOnlyList<QueryWarning> Warnings => _warnings;

    /// <summary>Submits and polls until the columns are known or the statement finished.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Accept(await fetcher.SubmitAsync(request, cancellationToken).ConfigureAwait(false));
        while (_decoders is null && _nextUri is not null)
        {
            Accept(await FetchNextAsync(cancellationToken).ConfigureAwait(false));
        }
    }

    public async ValueTask<RowBatch?> ReadBatchAsync(CancellationToken cancellationToken)
    {
        while (_ready.Count == 0 && (_nextUri is not null || _prefetch is not null))
        {
            Accept(await FetchNextAsync(cancellationToken).ConfigureAwait(false));
        }

        if (_ready.Count == 0)
        {
            return null;
        }

        if (_nextUri is not null && _prefetch is null)
        {
            _prefetchCancel = new CancellationTokenSource();
            _prefetch = fetcher.NextAsync(_nextUri, _decoders, _prefetchCancel.Token);
        }

        return _ready.Dequeue();
    }

    private async Task<TrinoPage> FetchNextAsync(CancellationToken cancellationToken)
    {
        var pending = _prefetch ?? fetcher.NextAsync(_nextUri!, _decoders, cancellationToken);
        _prefetch = null;
        try
        {
            return await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private void Accept(TrinoPage page)
    {
        QueryId = page.Id ?? QueryId;
        _nextUri = page.NextUri;
        if (page.Stats is { } stats)
        {
            Stats = stats.ToStats();
            request.Progress?.Report(Stats);
        }

        if (page.Decoders is { } decoders && _decoders is null)
        {
            _decoders = decoders;
            Columns = [.. page.Columns!.Select((c, i) => new QueryColumn(c.Name, c.Type, decoders[i].ClrType))];
        }

        foreach (var warning in page.Warnings ?? [])
        {
            var code = warning.WarningCode?.Name ?? warning.WarningCode?.Code.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "WARNING";
            if (!_warnings.Exists(w => w.Code == code && w.Message == warning.Message))
            {
                _warnings.Add(new QueryWarning(code, warning.Message ?? ""));
            }
        }

        UpdateType = page.UpdateType ?? UpdateType;
        UpdateCount = page.UpdateCount ?? UpdateCount;
        if (page.Error is { } error)
        {
            _nextUri = null;
            throw new QueryEngineException("trino", QueryId, error.ErrorName ?? "UNKNOWN", error.ErrorCode, error.ErrorType ?? "UNKNOWN",
                error.Message ?? "Query failed without a message.");
        }

        if (page.Data is { Count: > 0 } data)
        {
            _ready.Enqueue(data);
        }
    }

    private async Task CancelAsync()
    {
        var uri = _nextUri;
        _nextUri = null;
        if (_prefetch is { } prefetch)
        {
            _prefetch = null;
            await _prefetchCancel!.CancelAsync().ConfigureAwait(false);
            await ((Task)prefetch).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (uri is not null)
        {
            await fetcher.CancelAsync(uri).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CancelAsync().ConfigureAwait(false);
        _prefetchCancel?.Dispose();
    }
}
