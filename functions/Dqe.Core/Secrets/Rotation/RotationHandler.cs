using Dqe.Core.Hosting;

namespace Dqe.Core.Secrets.Rotation;

/// <summary>
/// <c>dqe.secrets.rotate</c>: the rotation function of the engine users' secrets, invoked by Secrets Manager once per
/// step. The event is checked before anything is built, so a bad step never reaches Secrets Manager or the cluster.
/// </summary>
internal sealed class RotationHandler : FunctionHandler<RotationRequest, RotationResponse>
{
    public const string Name = "dqe.secrets.rotate";
    private readonly Lazy<SecretRotator> _rotator;

    public RotationHandler(Func<SecretRotator> rotator)
        : base(RotationJsonContext.Default.RotationRequest, RotationJsonContext.Default.RotationResponse)
    {
        _rotator = new Lazy<SecretRotator>(rotator);
    }

    protected override async Task<RotationResponse> HandleAsync(RotationRequest request, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!SecretRotator.Steps.Contains(request.Step, StringComparer.Ordinal))
        {
            throw new InvalidRequestException("$.Step", $"must be one of {string.Join(", ", SecretRotator.Steps)}, got '{request.Step}'");
        }

        Require(request.SecretId, "$.SecretId");
        Require(request.ClientRequestToken, "$.ClientRequestToken");
        var outcome = await _rotator.Value.RunAsync(request.SecretId, request.ClientRequestToken, request.Step, cancellationToken).ConfigureAwait(false);
        return new RotationResponse(request.Step, request.SecretId, outcome);
    }

    private static void Require(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidRequestException(field, "is required");
        }
    }
}
