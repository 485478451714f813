using Amazon.CDK.AWS.SecretsManager;

namespace Dqe.Cdk.Engines;

/// <summary>Where engines read and write lake data and backups: S3 through IRSA, or in-cluster MinIO with a synced key pair.</summary>
/// <param name="LakeBucket">Bucket of the lake (raw/ and curated/ prefixes).</param>
/// <param name="BackupsBucket">Bucket of engine backups.</param>
/// <param name="Region">Region of the buckets (S3) or the nominal region MinIO reports.</param>
/// <param name="Endpoint">S3 API endpoint for MinIO; null for AWS S3.</param>
/// <param name="Credentials">Secrets Manager secret with accessKey/secretKey for MinIO; null for S3 (IRSA, never keys).</param>
/// <param name="BackupsReplicaBucket">Replica of another environment's backups that region restores read (backup.receivesReplica); null elsewhere.</param>
public sealed record LakeStore(string LakeBucket, string BackupsBucket, string Region, string? Endpoint, ISecret? Credentials, string? BackupsReplicaBucket = null)
{
    /// <summary>Kubernetes secret (keys accessKey, secretKey) synced into each namespace that talks to MinIO.</summary>
    public const string CredentialsSecret = "minio-credentials";

    public bool IsMinIo => Endpoint is not null;

    /// <summary>Base URL of the S3 API engines use for an object, e.g. https://BUCKET.s3.REGION.amazonaws.com/prefix/.</summary>
    public string Url(string bucket, string prefix) => IsMinIo
        ? $"{Endpoint}/{bucket}/{prefix}"
        : $"https://{bucket}.s3.{Region}.amazonaws.com/{prefix}";
}
