using Dqe.Core.Engines;

namespace Dqe.Core.Recovery;

/// <summary>Canary over the two engine clients: <c>SELECT 1</c> on each; any error counts as down.</summary>
public sealed class QueryCanary(IQueryEngine clickHouse, IQueryEngine trino) : IEngineCanary
{
    public async Task<CanaryResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var (ch, chError) = await ProbeAsync(clickHouse, cancellationToken).ConfigureAwait(false);
        var (tr, trError) = await ProbeAsync(trino, cancellationToken).ConfigureAwait(false);
        return new CanaryResult(ch, tr, string.Join("; ", new[] { chError, trError }.Where(e => e.Length > 0)));
    }

    private static async Task<(bool Ok, string Error)> ProbeAsync(IQueryEngine engine, CancellationToken cancellationToken)
    {
        try
        {
            var rows = await engine.QueryRowsAsync(new QueryRequest("SELECT 1 AS ok"), cancellationToken).ConfigureAwait(false);
            return (rows.Count == 1, "");
        }
        catch (Exception e) when (e is QueryEngineException or HttpRequestException or TimeoutException or IOException)
        {
            return (false, $"{engine.Name}: {e.Message}");
        }
    }
}
