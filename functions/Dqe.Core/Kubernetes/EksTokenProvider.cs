using System.Net.Http.Headers;
using k8s.Authentication;

namespace Dqe.Core.Kubernetes;

/// <summary>
/// Hands the Kubernetes client a bearer token, reusing it until <see cref="EksTokenOptions.RefreshMargin"/>
/// before it expires, then signing a new one. Safe for concurrent requests (one refresh at a time).
/// </summary>
public sealed class EksTokenProvider : ITokenProvider, IDisposable
{
    private readonly EksTokenGenerator _generator;
    private readonly IAwsCredentialsSource _credentials;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshMargin;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private EksToken? _current;

    public EksTokenProvider(EksTokenOptions options, IAwsCredentialsSource credentials, TimeProvider time)
    {
        _generator = new EksTokenGenerator(options);
        _refreshMargin = options.RefreshMargin;
        _credentials = credentials;
        _time = time;
    }

    public async Task<EksToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (IsFresh(_current))
        {
            return _current!;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!IsFresh(_current))
            {
                var credentials = await _credentials.GetAsync(cancellationToken).ConfigureAwait(false);
                _current = _generator.Generate(credentials, _time.GetUtcNow());
            }

            return _current!;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public async Task<AuthenticationHeaderValue> GetAuthenticationHeaderAsync(CancellationToken cancellationToken)
    {
        var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
        return new AuthenticationHeaderValue("Bearer", token.Value);
    }

    public void Dispose() => _refresh.Dispose();

    private bool IsFresh(EksToken? token) => token is not null && _time.GetUtcNow() < token.Expiration - _refreshMargin;
}
