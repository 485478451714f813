namespace Dqe.Core.Benchmarks.ClickHouseData;

/// <summary>One table after preparation: its row count and whether it was (re)loaded or reused as it was.</summary>
public sealed record TableLoad(string Table, long Rows, bool Loaded, string Verb);
