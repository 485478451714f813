namespace Dqe.Core.Engines;

/// <summary>
/// The narrow SQL surface backup and DR code needs: run a statement, get small results as name → value rows.
/// Narrow on purpose so tests can fake statements the local server is too old to run (e.g. <c>BACKUP</c>).
/// </summary>
public interface ISqlRunner
{
    Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(string sql, CancellationToken cancellationToken);
}
