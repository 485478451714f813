using System.Globalization;
using Dqe.Core.Hosting;
using Dqe.Core.Hosting.Telemetry;

namespace Dqe.Lambda.Runtime;

/// <summary>
/// The bootstrap's configuration, read once from the environment Lambda sets: <c>AWS_LAMBDA_RUNTIME_API</c>
/// (host:port, required), <c>_HANDLER</c> (a registered handler name, required), and optionally
/// <c>DQE_LOG_LEVEL</c> (debug|info|warn|error, default info), <c>DQE_WORKFLOW</c> (metric dimension
/// <c>Workflow</c>) and <c>DQE_DEADLINE_MARGIN_MS</c> (default 250).
/// </summary>
internal sealed record RuntimeSettings(string RuntimeApi, string Handler, HostingOptions Hosting)
{
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";
    public const string HandlerVariable = "_HANDLER";

    public static RuntimeSettings FromEnvironment(IFunctionEnvironment environment)
    {
        var runtimeApi = environment.Get(RuntimeApiVariable);
        if (string.IsNullOrWhiteSpace(runtimeApi) || !Uri.TryCreate($"http://{runtimeApi}/", UriKind.Absolute, out var uri) || uri.AbsolutePath != "/")
        {
            throw new RuntimeConfigException($"{RuntimeApiVariable} must be host:port, got '{runtimeApi}'");
        }

        var handler = environment.Get(HandlerVariable);
        if (string.IsNullOrWhiteSpace(handler))
        {
            throw new RuntimeConfigException($"{HandlerVariable} is not set; it names the Dqe handler to run");
        }

        var dimensions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (environment.Get("DQE_WORKFLOW") is { Length: > 0 } workflow)
        {
            dimensions["Workflow"] = workflow;
        }

        var hosting = new HostingOptions
        {
            MinimumLogLevel = ParseLevel(environment.Get("DQE_LOG_LEVEL")),
            DeadlineMargin = ParseMargin(environment.Get("DQE_DEADLINE_MARGIN_MS")),
            Dimensions = dimensions,
        };
        return new RuntimeSettings(runtimeApi, handler.Trim(), hosting);
    }

    private static LogLevel ParseLevel(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "info" => LogLevel.Info,
        "debug" => LogLevel.Debug,
        "warn" => LogLevel.Warn,
        "error" => LogLevel.Error,
        _ => throw new RuntimeConfigException($"DQE_LOG_LEVEL must be debug, info, warn or error, got '{value}'"),
    };

    private static TimeSpan ParseMargin(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return HostingOptions.DefaultDeadlineMargin;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms <= 10_000
            ? TimeSpan.FromMilliseconds(ms)
            : throw new RuntimeConfigException($"DQE_DEADLINE_MARGIN_MS must be 0..10000, got '{value}'");
    }
}
