namespace Dqe.Core.Benchmarks.LakeData;

/// <summary>One TPC-H table in the lake after the writer ran: where it is, its rows, and whether this run wrote it.</summary>
internal sealed record LakeTableWrite(string Table, string HiveTable, string Location, long Rows, bool Written);
