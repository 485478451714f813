using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Dqe.Core.Benchmarks.Functions;

/// <summary>The reports bucket (server-side encryption is the bucket default; TLS is the SDK default).</summary>
public sealed class S3ReportStore(IAmazonS3 s3, string bucket) : IReportStore
{
    public async Task PutAsync(string key, string content, string contentType, CancellationToken cancellationToken) =>
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = content, ContentType = contentType }, cancellationToken).ConfigureAwait(false);

    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s3.GetObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(response.ResponseStream);
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
        ListObjectsV2Response response;
        do
        {
            response = await s3.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
            keys.AddRange((response.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);

        return [.. keys.Order(StringComparer.Ordinal)];
    }
}
