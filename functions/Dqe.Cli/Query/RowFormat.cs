namespace Dqe.Cli.Query;

/// <summary>How <c>dqe query</c> prints rows: tab-separated with a header line, or one JSON object per line.</summary>
internal enum RowFormat
{
    Tsv,
    Json,
}
