namespace Dqe.Core.Benchmarks.Functions;

/// <summary>Where benchmark runs keep their parts and reports: the reports bucket in AWS, a directory locally.</summary>
public interface IReportStore
{
    Task PutAsync(string key, string content, string contentType, CancellationToken cancellationToken);

    /// <summary>The object's text, or null when there is none.</summary>
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Keys under <paramref name="prefix"/>, sorted ordinally.</summary>
    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken);
}
