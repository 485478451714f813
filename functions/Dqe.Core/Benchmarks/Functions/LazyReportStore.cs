using Amazon.S3;
using Dqe.Core.Hosting;

namespace Dqe.Core.Benchmarks.Functions;

/// <summary>
/// The store chosen from the environment on first use: DQE_REPORTS_DIR (a directory, local runs) or
/// DQE_REPORTS_BUCKET (S3). Lazy so building a handler never needs AWS configuration.
/// </summary>
internal sealed class LazyReportStore(IFunctionEnvironment environment) : IReportStore
{
    private readonly Lazy<IReportStore> _store = new(() => environment.Get("DQE_REPORTS_DIR") is { Length: > 0 } dir
        ? new LocalReportStore(dir)
        : environment.Get("DQE_REPORTS_BUCKET") is { Length: > 0 } bucket
            ? new S3ReportStore(new AmazonS3Client(), bucket)
            : throw new InvalidOperationException("DQE_REPORTS_BUCKET (or DQE_REPORTS_DIR) must be set for the handlers that write reports."));

    public Task PutAsync(string key, string content, string contentType, CancellationToken cancellationToken) => _store.Value.PutAsync(key, content, contentType, cancellationToken);

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) => _store.Value.GetAsync(key, cancellationToken);

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken) => _store.Value.ListAsync(prefix, cancellationToken);
}
