using System.Text;

namespace Dqe.Core.Engines.ClickHouse;

/// <summary>
/// A running ClickHouse statement streaming <c>TabSeparatedWithNamesAndTypes</c>: line 1 names, line 2 types,
/// then rows, decoded in batches of <see cref="BatchRows"/>. Stopping early kills the query on the server.
/// </summary>
internal sealed class ClickHouseStatement(HttpResponseMessage response, Stream body, string queryId, QueryRequest request, Func<string, Task> kill) : IRowBatchSource
{
    private const int BatchRows = 4096;
    private readonly ClickHouseLineReader _lines = new(body);
    private ClickHouseDecoder[] _decoders = [];
    private long _rows;
    private bool _finished;
    private bool _disposed;

    public string QueryId { get; } = queryId;

    public IReadOnlyList<QueryColumn> Columns { get; private set; } = [];

    public QueryStats Stats { get; private set; } = QueryStats.Empty with { State = "RUNNING" };

    public string? UpdateType => null;

    public long? UpdateCount => null;

    public IReadOnlyList<QueryWarning> Warnings => [];

    /// <summary>Reads the two header lines; a statement without result (DDL, INSERT) has an empty body.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var header = new List<string[]>(2);
        while (header.Count < 2)
        {
            if (_lines.TryReadLine(out var line))
            {
                ThrowIfError(line);
                header.Add(Split(line));
            }
            else if (!await ReadMoreAsync(cancellationToken).ConfigureAwait(false))
            {
                break;
            }
        }

        if (header.Count < 2)
        {
            Finish();
            return;
        }

        _decoders = [.. header[1].Select(ClickHouseDecoders.For)];
        Columns = [.. header[0].Select((name, i) => new QueryColumn(name, header[1][i], _decoders[i].ClrType))];
    }

    public async ValueTask<RowBatch?> ReadBatchAsync(CancellationToken cancellationToken)
    {
        if (_finished)
        {
            return null;
        }

        var vectors = new ColumnVector[_decoders.Length];
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] = _decoders[i].CreateVector(BatchRows);
        }

        var batch = new RowBatch(vectors);
        while (batch.Count < BatchRows)
        {
            if (!TryDecodeLine(vectors) && !await ReadMoreAsync(cancellationToken).ConfigureAwait(false))
            {
                Finish();
                break;
            }
        }

        _rows += batch.Count;
        Stats = Stats with { ProcessedRows = _rows };
        request.Progress?.Report(Stats);
        return batch.Count > 0 ? batch : null;
    }

    private bool TryDecodeLine(ColumnVector[] vectors)
    {
        if (!_lines.TryReadLine(out var line))
        {
            return false;
        }

        ThrowIfError(line);
        var rest = line;
        for (var i = 0; i < _decoders.Length; i++)
        {
            var tab = rest.IndexOf((byte)'\t');
            var last = i == _decoders.Length - 1;
            if (last != (tab < 0))
            {
                throw new FormatException($"ClickHouse row {_rows + vectors[0].Count + 1} does not have {_decoders.Length} fields.");
            }

            _decoders[i].Append(last ? rest : rest[..tab], vectors[i]);
            rest = last ? default : rest[(tab + 1)..];
        }

        return true;
    }

    private async ValueTask<bool> ReadMoreAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _lines.FillAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await DisposeAsync().ConfigureAwait(false);
            throw;
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new QueryEngineException("clickhouse", QueryId, "CONNECTION_FAILED", 0, "EXTERNAL", $"Connection lost after {_rows} rows: {e.Message}", e);
        }
    }

    /// <summary>An exception thrown after the 200 header is appended to the body as text.</summary>
    private void ThrowIfError(ReadOnlySpan<byte> line)
    {
        if (ClickHouseErrors.LooksLikeError(line) && (_decoders.Length <= 1 || line.Count((byte)'\t') != _decoders.Length - 1))
        {
            throw ClickHouseErrors.Parse(Encoding.UTF8.GetString(line), QueryId, null, null);
        }
    }

    private static string[] Split(ReadOnlySpan<byte> line)
    {
        var fields = new List<string>();
        foreach (var range in line.Split((byte)'\t'))
        {
            fields.Add(ClickHouseTsv.Unescape(line[range]));
        }

        return [.. fields];
    }

    private void Finish()
    {
        _finished = true;
        Stats = Stats with { State = "FINISHED" };
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        var unfinished = !_finished;
        _finished = true;
        _lines.Dispose();
        await body.DisposeAsync().ConfigureAwait(false);
        response.Dispose();
        if (unfinished)
        {
            // Closing the connection does not stop a query on older servers; KILL QUERY does.
            await kill(QueryId).ConfigureAwait(false);
        }
    }
}
