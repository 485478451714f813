using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;

namespace Dqe.Core.Backup;

/// <summary>Manifests as <c>s3://BUCKET/PREFIX/ID/manifest.json</c>, next to the data ClickHouse wrote under <c>PREFIX/ID/</c>.</summary>
public sealed class S3BackupStore(IAmazonS3 s3, string bucket, string prefix) : IBackupStore
{
    private const string ManifestFile = "manifest.json";

    public async Task SaveManifestAsync(BackupManifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        using var body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(manifest, BackupJsonContext.Default.BackupManifest));
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = Key(manifest.Id) + ManifestFile,
            InputStream = body,
            ContentType = "application/json",
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task SaveAttachmentAsync(string backupId, string name, JsonNode content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content.ToJsonString()));
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = Key(backupId) + BackupNames.ExtrasFolder + BackupNames.RequireAttachment(name),
            InputStream = body,
            ContentType = "application/json",
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<JsonNode?> GetAttachmentAsync(string backupId, string name, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s3.GetObjectAsync(bucket, Key(backupId) + BackupNames.ExtrasFolder + BackupNames.RequireAttachment(name), cancellationToken).ConfigureAwait(false);
            return await JsonNode.ParseAsync(response.ResponseStream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<BackupManifest?> GetManifestAsync(string backupId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s3.GetObjectAsync(bucket, Key(backupId) + ManifestFile, cancellationToken).ConfigureAwait(false);
            return await JsonSerializer.DeserializeAsync(response.ResponseStream, BackupJsonContext.Default.BackupManifest, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<BackupManifest>> ListManifestsAsync(CancellationToken cancellationToken)
    {
        var manifests = new List<BackupManifest>();
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = Root, Delimiter = "/" };
        ListObjectsV2Response response;
        do
        {
            response = await s3.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
            foreach (var folder in response.CommonPrefixes ?? [])
            {
                var id = folder[Root.Length..].TrimEnd('/');
                if (BackupSql.OperationId().IsMatch(id) && await GetManifestAsync(id, cancellationToken).ConfigureAwait(false) is { } manifest)
                {
                    manifests.Add(manifest);
                }
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
        return [.. manifests.OrderBy(m => m.StartedAt)];
    }

    public async Task DeleteAsync(string backupId, CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = Key(backupId) };
        ListObjectsV2Response response;
        do
        {
            response = await s3.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
            if (response.S3Objects is { Count: > 0 } objects)
            {
                await s3.DeleteObjectsAsync(new DeleteObjectsRequest
                {
                    BucketName = bucket,
                    Objects = [.. objects.Select(o => new KeyVersion { Key = o.Key })],
                }, cancellationToken).ConfigureAwait(false);
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
    }

    private string Root => prefix.Length == 0 ? "" : prefix.TrimEnd('/') + "/";

    private string Key(string backupId) => Root + BackupSql.RequireId(backupId) + "/";
}
