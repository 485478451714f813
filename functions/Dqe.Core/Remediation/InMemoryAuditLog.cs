namespace Dqe.Core.Remediation;

/// <summary>Keeps the last <see cref="Capacity"/> audit records (local server, tests) and forwards each to an optional sink.</summary>
public sealed class InMemoryAuditLog : IAuditLog
{
    public const int Capacity = 10_000;
    private readonly Lock _gate = new();
    private readonly Queue<AuditRecord> _records = new();
    private readonly Action<AuditRecord>? _sink;

    public InMemoryAuditLog(Action<AuditRecord>? sink = null)
    {
        _sink = sink;
    }

    public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _records.Enqueue(record);
            while (_records.Count > Capacity)
            {
                _records.Dequeue();
            }
        }

        _sink?.Invoke(record);
        return Task.CompletedTask;
    }

    public IReadOnlyList<AuditRecord> Snapshot()
    {
        lock (_gate)
        {
            return [.. _records];
        }
    }
}
