using Dqe.Core.Hosting;

namespace Dqe.Core.Secrets.Rotation;

/// <summary>How a rotation publishes and verifies a new password, read once from the function's environment.</summary>
/// <param name="ExternalSecrets">ExternalSecrets that carry rotated passwords, per engine (<see cref="FunctionVariables.RotationExternalSecrets"/>).</param>
/// <param name="SecretEngines">Secrets (by name) that live on one engine only (<see cref="FunctionVariables.RotationSecretEngines"/>); any other secret is on both.</param>
/// <param name="ClickHouseInstallation">The installation whose operator renders the users (<see cref="FunctionVariables.RotationClickHouseInstallation"/>); null = none.</param>
/// <param name="VerifyTimeout">How long finishSecret waits for every engine to accept the new password (default 300 s).</param>
/// <param name="PollInterval">Pause between login attempts (default 10 s: kubelet refreshes a mounted secret within about a minute).</param>
public sealed record RotationOptions(
    IReadOnlyList<ExternalSecretSync> ExternalSecrets,
    IReadOnlyDictionary<string, RotationEngine> SecretEngines,
    RotationTarget? ClickHouseInstallation,
    TimeSpan VerifyTimeout,
    TimeSpan PollInterval)
{
    public static readonly TimeSpan DefaultVerifyTimeout = TimeSpan.FromSeconds(300);
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(10);
    private const string SyncShape = "engine:namespace/name";

    /// <summary>The Grafana Deployment restarted once the admin secret is synced (<see cref="FunctionVariables.RotationGrafanaDeployment"/>); null = none.</summary>
    public RotationTarget? GrafanaDeployment { get; init; }

    /// <summary>The Kubernetes secret key Grafana's admin password is read from at start (<see cref="FunctionVariables.RotationGrafanaSecret"/>); null = none.</summary>
    public KubernetesSecretKey? GrafanaSecret { get; init; }

    /// <summary>The engines the secret named <paramref name="secretName"/> (DescribeSecret's Name) is on.</summary>
    public IReadOnlySet<RotationEngine> EnginesOf(string secretName) =>
        SecretEngines.TryGetValue(secretName, out var engine) ? new HashSet<RotationEngine> { engine } : RotationEngineNames.All;

    /// <summary>The ExternalSecrets that carry passwords to one of <paramref name="engines"/>.</summary>
    public IEnumerable<ExternalSecretSync> SyncsOf(IReadOnlySet<RotationEngine> engines) => ExternalSecrets.Where(s => engines.Contains(s.Engine));

    /// <summary>Reads and validates the options; a bad value is one clear <see cref="InvalidOperationException"/>.</summary>
    public static RotationOptions FromEnvironment(IFunctionEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var syncs = Entries(environment, FunctionVariables.RotationExternalSecrets).Select(Sync).ToList();
        if (syncs.Count == 0)
        {
            throw new InvalidOperationException(
                $"environment variable {FunctionVariables.RotationExternalSecrets} must list the ExternalSecrets to re-sync (engine:namespace/name, comma separated)");
        }

        if (syncs.GroupBy(s => s.Target).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"environment variable {FunctionVariables.RotationExternalSecrets} lists '{twice.Key}' twice");
        }

        var engines = new Dictionary<string, RotationEngine>(StringComparer.Ordinal);
        foreach (var entry in Entries(environment, FunctionVariables.RotationSecretEngines))
        {
            var (name, engine) = SecretEngine(entry);
            if (!engines.TryAdd(name, engine))
            {
                throw new InvalidOperationException($"environment variable {FunctionVariables.RotationSecretEngines} lists secret '{name}' twice");
            }

            if (!syncs.Exists(s => s.Engine == engine))
            {
                throw new InvalidOperationException(
                    $"environment variable {FunctionVariables.RotationSecretEngines}: secret '{name}' is on {engine.Name()}, but {FunctionVariables.RotationExternalSecrets} lists no {engine.Name()} ExternalSecret");
            }
        }

        var chi = environment.Get(FunctionVariables.RotationClickHouseInstallation) is { Length: > 0 } c ? Target(FunctionVariables.RotationClickHouseInstallation, c, c, "namespace/name") : null;
        var seconds = environment.Get(FunctionVariables.RotationVerifySeconds);
        var timeout = DefaultVerifyTimeout;
        if (!string.IsNullOrEmpty(seconds))
        {
            timeout = int.TryParse(seconds, System.Globalization.CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= 900
                ? TimeSpan.FromSeconds(s)
                : throw new InvalidOperationException($"environment variable {FunctionVariables.RotationVerifySeconds} = '{seconds}' must be 1-900 seconds");
        }

        var deployment = environment.Get(FunctionVariables.RotationGrafanaDeployment) is { Length: > 0 } d ? Target(FunctionVariables.RotationGrafanaDeployment, d, d, "namespace/name") : null;
        var secret = environment.Get(FunctionVariables.RotationGrafanaSecret) is { Length: > 0 } k ? SecretKey(k) : null;
        // Grafana reads the password only at start: without the Deployment and its secret a rotation could not take effect.
        if ((deployment is null || secret is null) && (syncs.Exists(s => s.Engine == RotationEngine.Grafana) || engines.ContainsValue(RotationEngine.Grafana)))
        {
            throw new InvalidOperationException(
                $"environment variables {FunctionVariables.RotationGrafanaDeployment} and {FunctionVariables.RotationGrafanaSecret} are required when a secret is on grafana");
        }

        return new RotationOptions(syncs, engines, chi, timeout, DefaultPollInterval) { GrafanaDeployment = deployment, GrafanaSecret = secret };
    }

    private static string[] Entries(IFunctionEnvironment environment, string variable) =>
        (environment.Get(variable) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // Kubernetes names have no ':'; the engine is what comes before the first one.
    private static ExternalSecretSync Sync(string entry) => entry.Split(':', 2) is [{ Length: > 0 } engine, var target]
        ? new ExternalSecretSync(RotationEngineNames.Parse(FunctionVariables.RotationExternalSecrets, entry, engine), Target(FunctionVariables.RotationExternalSecrets, entry, target, SyncShape))
        : throw new InvalidOperationException($"environment variable {FunctionVariables.RotationExternalSecrets}: '{entry}' is not {SyncShape}");

    // A secret name may contain '=' (Secrets Manager allows it), an engine name may not: split at the last one.
    private static (string Name, RotationEngine Engine) SecretEngine(string entry)
    {
        var at = entry.LastIndexOf('=');
        var name = at > 0 ? entry[..at].Trim() : "";
        return name.Length > 0
            ? (name, RotationEngineNames.Parse(FunctionVariables.RotationSecretEngines, entry, entry[(at + 1)..].Trim()))
            : throw new InvalidOperationException($"environment variable {FunctionVariables.RotationSecretEngines}: '{entry}' is not secretName=engine");
    }

    // A key may not contain '/' or ':' either: split at the last ':'.
    private static KubernetesSecretKey SecretKey(string entry)
    {
        var at = entry.LastIndexOf(':');
        return at > 0 && at < entry.Length - 1
            ? new KubernetesSecretKey(Target(FunctionVariables.RotationGrafanaSecret, entry, entry[..at], "namespace/name:key"), entry[(at + 1)..])
            : throw new InvalidOperationException($"environment variable {FunctionVariables.RotationGrafanaSecret}: '{entry}' is not namespace/name:key");
    }

    private static RotationTarget Target(string variable, string entry, string text, string shape) =>
        text.Split('/') is [{ Length: > 0 } ns, { Length: > 0 } name]
            ? new RotationTarget(ns, name)
            : throw new InvalidOperationException($"environment variable {variable}: '{entry}' is not {shape}");
}
