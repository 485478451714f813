using Dqe.Core.Engines;

namespace Dqe.Core.Secrets.Rotation;

/// <summary>
/// Logs in to the rotated secret's engines (Trino, ClickHouse or both) as the rotated user with the given password and runs <c>SELECT 1</c>, over the
/// engines' HTTPS endpoints with TLS verified against their CA (<see cref="EngineConnections"/> configured without an
/// automation secret, so only the credentials given here are sent).
/// </summary>
public sealed class EngineLoginCheck : IEngineLoginCheck
{
    private static readonly RetryOptions Once = new(MaxAttempts: 1);
    private readonly EngineConnections _engines;

    public EngineLoginCheck(EngineConnections engines) => _engines = engines;

    public async Task<IReadOnlyDictionary<string, string?>> CheckAsync(string user, string password, IReadOnlySet<RotationEngine> engines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engines);
        var credentials = EngineCredentials.Basic(user, password);
        var results = new Dictionary<string, string?>(StringComparer.Ordinal);
        // Only the secret's engines: a Trino-only user does not exist on ClickHouse (and its URL may not even be reachable).
        if (engines.Contains(RotationEngine.Trino))
        {
            var trino = _engines.Trino(o => o with { User = user, Credentials = credentials, Retry = Once, RequestTimeout = TimeSpan.FromSeconds(15) });
            results[RotationEngine.Trino.Name()] = await TryAsync(trino, cancellationToken).ConfigureAwait(false);
        }

        if (engines.Contains(RotationEngine.ClickHouse))
        {
            var clickHouse = _engines.ClickHouse(o => o with { Credentials = credentials, Retry = Once, RequestTimeout = TimeSpan.FromSeconds(15) });
            results[RotationEngine.ClickHouse.Name()] = await TryAsync(clickHouse, cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    private static async Task<string?> TryAsync(IQueryEngine engine, CancellationToken cancellationToken)
    {
        try
        {
            var rows = await engine.QueryRowsAsync(new QueryRequest("SELECT 1 AS ok"), cancellationToken).ConfigureAwait(false);
            return rows.Count == 1 && rows[0].Int64("ok") == 1 ? null : $"SELECT 1 answered {rows.Count} row(s)";
        }
        // A refusal, a timeout or an answer that is not the engine's protocol (a proxy's error page) all mean "not yet".
        catch (Exception e) when (e is QueryEngineException or HttpRequestException or System.Text.Json.JsonException or FormatException or InvalidDataException
            or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return e.Message;
        }
    }
}
