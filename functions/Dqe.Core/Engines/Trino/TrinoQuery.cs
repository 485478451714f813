namespace Dqe.Core.Engines.Trino;

/// <summary>
/// One statement following the protocol: pages are fetched by following <c>nextUri</c>. A page's GET goes out as
/// soon as the previous page's <c>nextUri</c> and columns are parsed (they come before its rows), and each page is
/// decoded on the thread pool as soon as its bytes arrive, so up to <see cref="PagesAhead"/> pages are read and
/// decoded in parallel with each other and with the caller consuming the current one. Memory stays bounded by
/// that many pages whatever the row count.
/// </summary>
internal sealed class TrinoQuery(TrinoPageFetcher fetcher, QueryRequest request) : IRowBatchSource
{
    /// <summary>Pages requested ahead of the one being consumed: two decode on two cores at once.</summary>
    private const int PagesAhead = 2;

    private readonly Queue<RowBatch> _ready = new();
    private readonly List<QueryWarning> _warnings = [];
    private readonly CancellationTokenSource _aheadCancel = new();
    private readonly Lock _gate = new();
    private readonly Queue<Task<TrinoPage>> _ahead = new();
    private (string Uri, TrinoDecoder[]? Decoders)? _deferred;
    private string? _latestUri;
    private bool _cancelled;
    private TrinoDecoder[]? _decoders;
    private string? _nextUri;

    public string QueryId { get; private set; } = "";

    public IReadOnlyList<QueryColumn> Columns { get; private set; } = [];

    public QueryStats Stats { get; private set; } = QueryStats.Empty;

    public string? UpdateType { get; private set; }

    public long? UpdateCount { get; private set; }

    public IReadOnlyList<QueryWarning> Warnings => _warnings;

    /// <summary>Submits and polls until the columns are known or the statement finished.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using (var raw = await fetcher.SubmitAsync(request, cancellationToken).ConfigureAwait(false))
        {
            Accept(raw.Parse(null, ReadAhead));
        }

        while (_decoders is null && _nextUri is not null)
        {
            Accept(await NextPageAsync(cancellationToken).ConfigureAwait(false));
        }
    }

    public async ValueTask<RowBatch?> ReadBatchAsync(CancellationToken cancellationToken)
    {
        while (_ready.Count == 0 && _nextUri is not null)
        {
            Accept(await NextPageAsync(cancellationToken).ConfigureAwait(false));
        }

        return _ready.TryDequeue(out var batch) ? batch : null;
    }

    private async Task<TrinoPage> NextPageAsync(CancellationToken cancellationToken)
    {
        Task<TrinoPage> next;
        lock (_gate)
        {
            if (_ahead.Count == 0)
            {
                _ahead.Enqueue(FetchAndParseAsync(_nextUri!, _decoders));
            }

            next = _ahead.Peek();
        }

        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await next.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await CancelAsync().ConfigureAwait(false);
            throw;
        }

        lock (_gate)
        {
            _ahead.Dequeue();
            if (_deferred is { } deferred)
            {
                _deferred = null;
                _ahead.Enqueue(FetchAndParseAsync(deferred.Uri, deferred.Decoders));
            }
        }

        return await next.ConfigureAwait(false);
    }

    /// <summary>The parser's call-back, on whichever thread decodes the page that holds <paramref name="nextUri"/>.</summary>
    private void ReadAhead(string nextUri, TrinoDecoder[]? decoders)
    {
        lock (_gate)
        {
            if (_cancelled)
            {
                return;
            }

            _latestUri = nextUri;
            if (_ahead.Count < PagesAhead)
            {
                _ahead.Enqueue(FetchAndParseAsync(nextUri, decoders));
            }
            else
            {
                _deferred = (nextUri, decoders);
            }
        }
    }

    private async Task<TrinoPage> FetchAndParseAsync(string uri, TrinoDecoder[]? decoders)
    {
        // Called under the lock: the GET is sent right away, and decoding never runs inline here (it would
        // re-enter ReadAhead). It runs on a thread-pool thread: a dedicated thread per page would strand the pooled
        // page buffers in that thread's ArrayPool cache and make every page allocate a fresh large-object buffer.
        var fetch = fetcher.NextAsync(uri, _aheadCancel.Token);
        await Task.Yield();
        using var raw = await fetch.ConfigureAwait(false);
        return raw.Parse(decoders, ReadAhead);
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

        foreach (var batch in page.Data ?? [])
        {
            _ready.Enqueue(batch);
        }
    }

    private async Task CancelAsync()
    {
        Task<TrinoPage>[] pending;
        string? uri;
        lock (_gate)
        {
            _cancelled = true;
            uri = _nextUri is null ? null : _latestUri ?? _nextUri;
            _nextUri = null;
            _deferred = null;
            pending = [.. _ahead];
            _ahead.Clear();
        }

        if (pending.Length > 0)
        {
            await _aheadCancel.CancelAsync().ConfigureAwait(false);
            foreach (var task in pending)
            {
                await ((Task)task).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        if (uri is not null)
        {
            await fetcher.CancelAsync(uri).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CancelAsync().ConfigureAwait(false);
        _aheadCancel.Dispose();
    }
}
