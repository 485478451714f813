using Amazon.S3;
using Amazon.S3.Model;

namespace Dqe.Core.Recovery;

/// <summary>Reports as objects in the reports bucket.</summary>
public sealed class S3ReportSink(IAmazonS3 s3, string bucket) : IReportSink
{
    public async Task WriteAsync(string key, byte[] body, string contentType, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(body);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = stream, ContentType = contentType }, cancellationToken).ConfigureAwait(false);
    }
}
