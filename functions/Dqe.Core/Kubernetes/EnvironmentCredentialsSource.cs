using Dqe.Core.Hosting;

namespace Dqe.Core.Kubernetes;

/// <summary>
/// Reads <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c> and <c>AWS_SESSION_TOKEN</c>, which Lambda
/// sets from the function's execution role. Read on every call: Lambda refreshes them between invocations.
/// </summary>
public sealed class EnvironmentCredentialsSource : IAwsCredentialsSource
{
    private readonly IFunctionEnvironment _environment;

    public EnvironmentCredentialsSource(IFunctionEnvironment environment)
    {
        _environment = environment;
    }

    public ValueTask<AwsCredentials> GetAsync(CancellationToken cancellationToken)
    {
        var accessKey = _environment.Get("AWS_ACCESS_KEY_ID");
        var secretKey = _environment.Get("AWS_SECRET_ACCESS_KEY");
        if (string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey))
        {
            throw new InvalidOperationException("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set to sign the EKS token");
        }

        var sessionToken = _environment.Get("AWS_SESSION_TOKEN");
        return ValueTask.FromResult(new AwsCredentials(accessKey, secretKey, string.IsNullOrEmpty(sessionToken) ? null : sessionToken));
    }
}
