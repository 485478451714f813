using Dqe.Core.Kubernetes;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>Fixed credentials; counts how often they were asked for (one ask per token signed).</summary>
public sealed class CountingCredentialsSource : IAwsCredentialsSource
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public ValueTask<AwsCredentials> GetAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return ValueTask.FromResult(new AwsCredentials("AKIDEXAMPLE", "secret"));
    }
}
