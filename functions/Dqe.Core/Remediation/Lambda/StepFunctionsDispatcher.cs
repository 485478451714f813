using System.Globalization;
using System.Text.Json;
using Dqe.Core.Kubernetes;

namespace Dqe.Core.Remediation.Lambda;

/// <summary>
/// The AWS <see cref="IRemediationDispatcher"/>: starts one execution of the remediation state machine per decision
/// (StartExecution over SigV4, JSON 1.0). The execution name is the alert's fingerprint and the cooldown window it
/// falls in, so a second delivery within one window (a retry whose first StartExecution did go through, an HA
/// peer) can never start a second run: Step Functions refuses the name (ExecutionAlreadyExists), which counts as
/// already dispatched. The next window gets a new name, so the circuit breaker still sees repeated attempts.
/// </summary>
public sealed class StepFunctionsDispatcher : IRemediationDispatcher
{
    private const string ContentType = "application/x-amz-json-1.0";
    private readonly AwsSignedClient _aws;
    private readonly string _stateMachineArn;
    private readonly RemediationOptions _options;
    private readonly TimeProvider _time;
    private readonly Uri _endpoint;

    internal StepFunctionsDispatcher(AwsSignedClient aws, string stateMachineArn, RemediationOptions options, TimeProvider time, Uri? endpoint = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateMachineArn);
        _aws = aws;
        _stateMachineArn = stateMachineArn;
        _options = options;
        _time = time;
        _endpoint = endpoint ?? new Uri($"https://states.{aws.Region}.amazonaws.com/");
    }

    /// <summary>fingerprint-window[-escalate]: at most 80 characters of [0-9a-z-], as Step Functions requires.</summary>
    public static string ExecutionName(RemediationDecision decision, DateTimeOffset now, TimeSpan cooldown)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var window = now.ToUnixTimeSeconds() / (long)Math.Max(1, cooldown.TotalSeconds);
        var name = $"{decision.Alert.Fingerprint}-{window.ToString(CultureInfo.InvariantCulture)}";
        // An escalation-only decision and a later actionable one of the same firing are different runs.
        name = decision.Outcome == DecisionOutcome.Act ? name : name + "-escalate";
        return name.Length <= 80 ? name : name[^80..];
    }

    public async Task DispatchAsync(RemediationDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var run = new RemediationRun(decision, (int)_options.VerifyAfter.TotalSeconds);
        var input = JsonSerializer.Serialize(run, RemediationLambdaJsonContext.Default.RemediationRun);
        var body = JsonSerializer.SerializeToUtf8Bytes(new StartExecutionRequest(_stateMachineArn, ExecutionName(decision, _time.GetUtcNow(), _options.Cooldown), input),
            RemediationLambdaJsonContext.Default.StartExecutionRequest);
        var (status, text) = await _aws.PostAsync(_endpoint, "states", ContentType, "AWSStepFunctions.StartExecution", body, cancellationToken).ConfigureAwait(false);
        if (status is >= 200 and < 300)
        {
            return;
        }

        var error = Parse(text);
        if (error?.ShortType == "ExecutionAlreadyExists")
        {
            return;
        }

        throw new InvalidOperationException($"StartExecution of {_stateMachineArn} failed: HTTP {status} {error?.ShortType} {error?.Message}".TrimEnd());
    }

    private static AwsErrorBody? Parse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, RemediationLambdaJsonContext.Default.AwsErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
