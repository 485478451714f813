namespace Dqe.Core.Engines.Trino;

// Wire shapes of the small, non-hot parts of a QueryResults document (data is parsed by hand).
internal sealed record TrinoColumnJson(string Name, string Type);

internal sealed record TrinoStatsJson(
    string? State, bool Queued, bool Scheduled, int Nodes, int TotalSplits, int QueuedSplits, int RunningSplits, int CompletedSplits,
    long CpuTimeMillis, long WallTimeMillis, long QueuedTimeMillis, long ElapsedTimeMillis, long ProcessedRows, long ProcessedBytes,
    long PhysicalInputBytes, long PeakMemoryBytes, long SpilledBytes, double? ProgressPercentage)
{
    public QueryStats ToStats() => new(State ?? "UNKNOWN", ProcessedRows, ProcessedBytes, TotalSplits, CompletedSplits, RunningSplits,
        QueuedSplits, ElapsedTimeMillis, CpuTimeMillis, ProgressPercentage);
}

internal sealed record TrinoErrorLocationJson(int LineNumber, int ColumnNumber);

internal sealed record TrinoErrorJson(string? Message, string? SqlState, int ErrorCode, string? ErrorName, string? ErrorType, TrinoErrorLocationJson? ErrorLocation);

internal sealed record TrinoWarningCodeJson(int Code, string? Name);

internal sealed record TrinoWarningJson(TrinoWarningCodeJson? WarningCode, string? Message);
