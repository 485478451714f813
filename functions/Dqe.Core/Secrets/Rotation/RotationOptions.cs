using Dqe.Core.Hosting;

namespace Dqe.Core.Secrets.Rotation;

/// <summary>How a rotation publishes and verifies a new password, read once from the function's environment.</summary>
/// <param name="ExternalSecrets">ExternalSecrets built from the rotated secrets (<see cref="FunctionVariables.RotationExternalSecrets"/>).</param>
/// <param name="ClickHouseInstallation">The installation whose operator renders the users (<see cref="FunctionVariables.RotationClickHouseInstallation"/>); null = none.</param>
/// <param name="VerifyTimeout">How long finishSecret waits for every engine to accept the new password (default 300 s).</param>
/// <param name="PollInterval">Pause between login attempts (default 10 s: kubelet refreshes a mounted secret within about a minute).</param>
public sealed record RotationOptions(IReadOnlyList<RotationTarget> ExternalSecrets, RotationTarget? ClickHouseInstallation, TimeSpan VerifyTimeout, TimeSpan PollInterval)
{
    public static readonly TimeSpan DefaultVerifyTimeout = TimeSpan.FromSeconds(300);
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(10);

    /// <summary>Reads and validates the options; a bad value is one clear <see cref="InvalidOperationException"/>.</summary>
    public static RotationOptions FromEnvironment(IFunctionEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var syncs = (environment.Get(FunctionVariables.RotationExternalSecrets) ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Target(FunctionVariables.RotationExternalSecrets, s)).ToList();
        if (syncs.Count == 0)
        {
            throw new InvalidOperationException($"environment variable {FunctionVariables.RotationExternalSecrets} must list the ExternalSecrets to re-sync (namespace/name, comma separated)");
        }

        var chi = environment.Get(FunctionVariables.RotationClickHouseInstallation) is { Length: > 0 } c ? Target(FunctionVariables.RotationClickHouseInstallation, c) : null;
        var seconds = environment.Get(FunctionVariables.RotationVerifySeconds);
        var timeout = DefaultVerifyTimeout;
        if (!string.IsNullOrEmpty(seconds))
        {
            timeout = int.TryParse(seconds, System.Globalization.CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= 900
                ? TimeSpan.FromSeconds(s)
                : throw new InvalidOperationException($"environment variable {FunctionVariables.RotationVerifySeconds} = '{seconds}' must be 1-900 seconds");
        }

        return new RotationOptions(syncs, chi, timeout, DefaultPollInterval);
    }

    private static RotationTarget Target(string variable, string text) =>
        text.Split('/') is [{ Length: > 0 } ns, { Length: > 0 } name]
            ? new RotationTarget(ns, name)
            : throw new InvalidOperationException($"environment variable {variable}: '{text}' is not namespace/name");
}
