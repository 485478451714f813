namespace Dqe.Core.Kubernetes;

/// <summary>Where signing credentials come from (in Lambda: the execution role's, from the environment).</summary>
public interface IAwsCredentialsSource
{
    ValueTask<AwsCredentials> GetAsync(CancellationToken cancellationToken);
}
