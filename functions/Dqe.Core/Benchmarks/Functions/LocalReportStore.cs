namespace Dqe.Core.Benchmarks.Functions;

/// <summary>Keys as relative paths under a root directory (tests, CLI, local workflow runs).</summary>
public sealed class LocalReportStore(string root) : IReportStore
{
    public async Task PutAsync(string key, string content, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, content, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : null;
    }

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(root);
        IReadOnlyList<string> keys = Directory.Exists(full)
            ? [.. Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(full, f).Replace('\\', '/'))
                .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)]
            : [];
        return Task.FromResult(keys);
    }

    private string PathOf(string key)
    {
        var full = Path.GetFullPath(Path.Combine(root, key));
        // Keys come from workflow input (run ids, query ids): never let one escape the root.
        return full.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new ArgumentException($"key: '{key}' escapes the report store root.", nameof(key));
    }
}
