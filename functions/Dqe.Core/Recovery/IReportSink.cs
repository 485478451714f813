namespace Dqe.Core.Recovery;

/// <summary>Where drill reports go (the reports bucket, or a directory for the CLI and tests).</summary>
public interface IReportSink
{
    Task WriteAsync(string key, byte[] body, string contentType, CancellationToken cancellationToken);
}
