using System.IO.Compression;
using System.Net;
using System.Text;

namespace Dqe.Core.Engines.ClickHouse;

/// <summary>
/// ClickHouse over its HTTP interface (POST SQL to <c>/</c>), streaming <c>TabSeparatedWithNamesAndTypes</c>,
/// a format every server from 1.1 (tested: 18.16) to current speaks. Each statement gets a <c>query_id</c>
/// so it can be killed; read-only statements are retried on connection errors.
/// </summary>
public sealed class ClickHouseClient : IQueryEngine
{
    private const string Format = "TabSeparatedWithNamesAndTypes";
    private readonly ClickHouseClientOptions _options;
    private readonly HttpClient _http;
    private readonly RetryingHttpSender _sender;

    /// <param name="options">Validated here; bad options throw <see cref="ArgumentException"/> naming the field.</param>
    /// <param name="http">Owned by the caller.</param>
    /// <param name="time">Clock for backoff and timeouts.</param>
    public ClickHouseClient(ClickHouseClientOptions options, HttpClient http, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _http = http;
        _sender = new RetryingHttpSender(http, time, options.Retry, options.RequestTimeout, Name);
    }

    public string Name => "clickhouse";

    public async Task<QueryResult> ExecuteAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var sql = ClickHouseParameters.Bind(request.Sql.TrimEnd().TrimEnd(';'), request.Parameters);
        var queryId = request.QueryId ?? Guid.NewGuid().ToString();
        var uri = QueryUri(queryId, request.Settings);
        var statement = await _sender.SendAsync(
            () => Post(uri, sql),
            (response, ct) => OpenAsync(response, queryId, request, ct),
            idempotent: IsReadOnly(sql),
            cancellationToken).ConfigureAwait(false);
        try
        {
            await statement.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await statement.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new QueryResult(statement);
    }

    /// <summary>Stops a running query (<c>KILL QUERY ... ASYNC</c>); true if the server knew it.</summary>
    public async Task<bool> KillQueryAsync(string queryId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(queryId);
        await using var result = await ExecuteAsync(
            new QueryRequest($"KILL QUERY WHERE query_id = {ClickHouseTsv.Quote(queryId)} ASYNC"), cancellationToken).ConfigureAwait(false);
        return await result.DrainAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary><c>GET /ping</c> answers <c>Ok.</c> when the server accepts connections.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(_options.Server, "ping"), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).StartsWith("Ok.", StringComparison.Ordinal);
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private Uri QueryUri(string queryId, IReadOnlyDictionary<string, string>? settings)
    {
        var query = new StringBuilder($"?database={_options.Database}&query_id={Uri.EscapeDataString(queryId)}&default_format={Format}");
        if (_options.Compression)
        {
            query.Append("&enable_http_compression=1");
        }

        foreach (var (name, value) in Merge(_options.Settings, settings))
        {
            if (!ClickHouseClientOptions.Identifier().IsMatch(name))
            {
                throw new ArgumentException($"Settings: '{name}' is not a setting name.", nameof(QueryRequest.Settings));
            }

            query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        return new Uri(_options.Server, query.ToString());
    }

    private HttpRequestMessage Post(Uri uri, string sql)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(sql, Encoding.UTF8, "text/plain") };
        if (_options.Compression)
        {
            message.Headers.AcceptEncoding.ParseAdd("gzip");
        }

        if (_options.Credentials is { } credentials)
        {
            if (_options.AuthMode == ClickHouseAuthMode.Basic)
            {
                message.Headers.Authorization = credentials.ToHeader();
            }
            else
            {
                message.Headers.TryAddWithoutValidation("X-ClickHouse-User", credentials.User);
                message.Headers.TryAddWithoutValidation("X-ClickHouse-Key", credentials.Password);
            }
        }

        return message;
    }

    private async Task<ClickHouseStatement> OpenAsync(HttpResponseMessage response, string queryId, QueryRequest request, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentEncoding.Contains("gzip"))
        {
            // Decompressed here rather than by the handler: the HttpClient is the caller's, its handler settings unknown.
            body = new GZipStream(body, CompressionMode.Decompress);
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            using (response)
            using (var reader = new StreamReader(body, Encoding.UTF8))
            {
                var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                var code = response.Headers.TryGetValues("X-ClickHouse-Exception-Code", out var values) ? values.FirstOrDefault() : null;
                throw ClickHouseErrors.Parse(text, queryId, (int)response.StatusCode, code);
            }
        }

        return new ClickHouseStatement(response, body, queryId, request, KillQuietlyAsync);
    }

    private async Task KillQuietlyAsync(string queryId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await KillQueryAsync(queryId, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is QueryEngineException or HttpRequestException or OperationCanceledException)
        {
            // Best effort: the caller already stopped reading; the server ends the query when it notices.
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> Merge(IReadOnlyDictionary<string, string> defaults, IReadOnlyDictionary<string, string>? overrides) =>
        overrides is null ? defaults : defaults.Where(d => !overrides.ContainsKey(d.Key)).Concat(overrides);

    private static bool IsReadOnly(string sql)
    {
        var verb = sql.TrimStart().Split([' ', '\n', '\t', '\r', '('], 2)[0].ToUpperInvariant();
        return verb is "SELECT" or "WITH" or "SHOW" or "DESCRIBE" or "DESC" or "EXISTS";
    }
}
