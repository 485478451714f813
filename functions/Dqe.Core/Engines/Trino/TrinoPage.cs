namespace Dqe.Core.Engines.Trino;

/// <summary>One parsed QueryResults document.</summary>
internal sealed class TrinoPage
{
    public string? Id { get; set; }

    public string? NextUri { get; set; }

    public string? PartialCancelUri { get; set; }

    public List<TrinoColumnJson>? Columns { get; set; }

    public RowBatch? Data { get; set; }

    public TrinoStatsJson? Stats { get; set; }

    public TrinoErrorJson? Error { get; set; }

    public List<TrinoWarningJson>? Warnings { get; set; }

    public string? UpdateType { get; set; }

    public long? UpdateCount { get; set; }

    /// <summary>Column decoders in force after this page.</summary>
    public TrinoDecoder[]? Decoders { get; set; }
}
