using System.Text.RegularExpressions;
using Dqe.Core.Engines;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>
/// In-memory stand-in for a ClickHouse &gt;= 22.8 answering <c>BACKUP/RESTORE ... SETTINGS id = 'x' ASYNC</c> and
/// <c>SELECT ... FROM system.backups WHERE id = 'x'</c>: each poll advances the operation through
/// <see cref="Progression"/> (one row per <see cref="Replicas"/>), like the real table while a backup runs.
/// </summary>
public sealed partial class FakeSystemBackups : ISqlRunner
{
    private readonly Dictionary<string, int> _polls = new(StringComparer.Ordinal);

    public List<string> Statements { get; } = [];

    /// <summary>Status per poll; the last one repeats.</summary>
    public IReadOnlyList<string> Progression { get; set; } = ["CREATING_BACKUP", "CREATING_BACKUP", "BACKUP_CREATED"];

    public int Replicas { get; set; } = 1;

    public string Error { get; set; } = "";

    public Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        Statements.Add(sql);
        IReadOnlyList<IReadOnlyDictionary<string, object?>> rows = [];
        if (sql.StartsWith("BACKUP ", StringComparison.Ordinal) || sql.StartsWith("RESTORE ", StringComparison.Ordinal))
        {
            var id = SettingsId().Match(sql).Groups[1].Value;
            _polls[id] = 0;
            rows = [new Dictionary<string, object?> { ["id"] = id, ["status"] = Progression[0] }];
        }
        else if (sql.Contains("system.backups", StringComparison.Ordinal))
        {
            var id = WhereId().Match(sql).Groups[1].Value;
            if (_polls.TryGetValue(id, out var polls))
            {
                var status = Progression[Math.Min(polls, Progression.Count - 1)];
                _polls[id] = polls + 1;
                rows = [.. Enumerable.Range(0, Replicas).Select(_ => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
                {
                    ["status"] = status,
                    ["error"] = status.EndsWith("_FAILED", StringComparison.Ordinal) ? Error : "",
                    ["total_size"] = 1000UL,
                    ["num_files"] = 10UL,
                })];
            }
        }

        return Task.FromResult(rows);
    }

    [GeneratedRegex("SETTINGS id = '([^']+)'")]
    private static partial Regex SettingsId();

    [GeneratedRegex("WHERE id = '([^']+)'")]
    private static partial Regex WhereId();
}
