using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Dqe.Cdk.Config;

namespace Dqe.Cdk.Security;

/// <param name="Config">Which services to enable and how.</param>
/// <param name="EnvName">Environment name, for names and descriptions.</param>
/// <param name="Key">Customer key that encrypts trail files and the findings topic.</param>
/// <param name="LogBucket">Where trail files go (the access-logs bucket).</param>
/// <param name="DataBuckets">Buckets whose object-level access is recorded.</param>
/// <param name="LakeBucket">The bucket Macie classifies (its raw/ prefix).</param>
public sealed record AuditProps(SecurityConfig Config, string EnvName, IKey Key, IBucket LogBucket, IReadOnlyList<IBucket> DataBuckets, IBucket LakeBucket);
