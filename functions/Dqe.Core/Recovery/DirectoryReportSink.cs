namespace Dqe.Core.Recovery;

/// <summary>Reports as files under a root directory (keys become relative paths).</summary>
public sealed class DirectoryReportSink(string root) : IReportSink
{
    public async Task WriteAsync(string key, byte[] body, string contentType, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(Path.Combine(root, key));
        if (!path.StartsWith(Path.GetFullPath(root), StringComparison.Ordinal))
        {
            throw new ArgumentException($"report key '{key}' leaves the report directory.", nameof(key));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, body, cancellationToken).ConfigureAwait(false);
    }
}
