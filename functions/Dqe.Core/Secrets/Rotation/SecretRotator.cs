using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dqe.Core.Secrets.Rotation;

/// <summary>
/// Secrets Manager's four rotation steps for an engine user secret <c>{"user","password"}</c> (or Grafana's
/// <c>{"username","password"}</c>; other keys are kept), single-user strategy.
/// The engines read AWSCURRENT through External Secrets, so they cannot be given the pending password before
/// finishSecret: createSecret stores a new random password as AWSPENDING (idempotent on the token); setSecret and
/// testSecret check the pending version; finishSecret moves AWSCURRENT, forces the sync, waits (bounded) until every
/// engine of the secret accepts the new password, and if one does not, moves AWSCURRENT back, re-syncs and fails —
/// AWSCURRENT ends where it started. A secret is on the engines <see cref="RotationOptions.EnginesOf"/> names (the
/// automation users' on one, a person's on both): only those are synced, bumped and logged in to. Clients holding
/// the old password fail from the engine's reload until they re-read it (the functions' own clients re-read at once).
/// Grafana is not logged in to (<see cref="IGrafanaRestart"/>): once its Kubernetes secret holds the password it is
/// restarted, and the rollout must complete within half the bound; a restore restarts it again on the old password
/// within the other half.
/// </summary>
internal sealed class SecretRotator
{
    public static readonly IReadOnlyList<string> Steps = ["createSecret", "setSecret", "testSecret", "finishSecret"];

    // Same alphabet as the CloudFormation-generated passwords (ExcludePunctuation): safe in URLs, properties and shells.
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int PasswordLength = 32;

    private readonly ISecretVersions _versions;
    private readonly IRotationPublisher _publisher;
    private readonly IEngineLoginCheck _logins;
    private readonly IGrafanaRestart _grafana;
    private readonly RotationOptions _options;
    private readonly TimeProvider _time;

    public SecretRotator(ISecretVersions versions, IRotationPublisher publisher, IEngineLoginCheck logins, IGrafanaRestart grafana, RotationOptions options, TimeProvider time)
    {
        _versions = versions;
        _publisher = publisher;
        _logins = logins;
        _grafana = grafana;
        _options = options;
        _time = time;
    }

    /// <summary>Runs <paramref name="step"/>; returns what it did (for the log and the response).</summary>
    public async Task<string> RunAsync(string secretId, string token, string step, CancellationToken cancellationToken)
    {
        var metadata = await _versions.DescribeAsync(secretId, cancellationToken).ConfigureAwait(false);
        if (!metadata.RotationEnabled)
        {
            throw new RotationFailedException($"secret '{metadata.Name}' does not have rotation enabled");
        }

        if (!metadata.Versions.TryGetValue(token, out var stages))
        {
            throw new RotationFailedException($"secret '{metadata.Name}' has no version {token}: not a rotation Secrets Manager started");
        }

        if (stages.Contains(SecretMetadata.Current, StringComparer.Ordinal))
        {
            return $"version {token} is already AWSCURRENT";
        }

        if (!stages.Contains(SecretMetadata.Pending, StringComparer.Ordinal))
        {
            throw new RotationFailedException($"version {token} of secret '{metadata.Name}' is not AWSPENDING");
        }

        var engines = _options.EnginesOf(metadata.Name);
        // A person's secret is on both engines: without an ExternalSecret of one, that engine would never see the new password.
        if (engines.Where(e => !_options.ExternalSecrets.Any(s => s.Engine == e)).ToList() is [_, ..] unsynced)
        {
            throw new RotationFailedException(
                $"secret '{metadata.Name}' is on {RotationEngineNames.Join(engines)}, but no ExternalSecret of {RotationEngineNames.Join(unsynced)} is configured to re-sync");
        }

        return step switch
        {
            "createSecret" => await CreateAsync(secretId, token, cancellationToken).ConfigureAwait(false),
            "setSecret" or "testSecret" => await CheckPendingAsync(secretId, token, step, cancellationToken).ConfigureAwait(false),
            "finishSecret" => await FinishAsync(secretId, token, metadata, engines, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentException($"unknown step '{step}': expected one of {string.Join(", ", Steps)}", nameof(step)),
        };
    }

    private async Task<string> CreateAsync(string secretId, string token, CancellationToken cancellationToken)
    {
        var current = await _versions.GetAsync(secretId, null, SecretMetadata.Current, cancellationToken).ConfigureAwait(false)
            ?? throw new RotationFailedException($"secret '{secretId}' has no AWSCURRENT value");
        if (await _versions.GetAsync(secretId, token, SecretMetadata.Pending, cancellationToken).ConfigureAwait(false) is not null)
        {
            return $"version {token} already has its pending value";
        }

        var secret = Parse(secretId, current, SecretMetadata.Current);
        secret.Node["password"] = RandomNumberGenerator.GetString(Alphabet, PasswordLength);
        await _versions.PutPendingAsync(secretId, token, secret.Node.ToJsonString(), cancellationToken).ConfigureAwait(false);
        return $"stored a new password for '{secret.User}' as version {token} (AWSPENDING)";
    }

    private async Task<string> CheckPendingAsync(string secretId, string token, string step, CancellationToken cancellationToken)
    {
        var (current, pending) = await BothAsync(secretId, token, cancellationToken).ConfigureAwait(false);
        if (pending.User != current.User)
        {
            throw new RotationFailedException($"{step}: pending version {token} is for user '{pending.User}', AWSCURRENT for '{current.User}'");
        }

        if (pending.Password == current.Password)
        {
            throw new RotationFailedException($"{step}: pending version {token} has the same password as AWSCURRENT");
        }

        // The engines take passwords from AWSCURRENT (External Secrets): finishSecret verifies the login after moving it.
        return $"{step}: pending version {token} is a new password for '{pending.User}'";
    }

    private async Task<string> FinishAsync(string secretId, string token, SecretMetadata metadata, IReadOnlySet<RotationEngine> engines, CancellationToken cancellationToken)
    {
        var previous = metadata.VersionWith(SecretMetadata.Current)
            ?? throw new RotationFailedException($"secret '{metadata.Name}' has no AWSCURRENT version");
        var (current, pending) = await BothAsync(secretId, token, cancellationToken).ConfigureAwait(false);
        await _versions.MoveCurrentAsync(secretId, token, previous, cancellationToken).ConfigureAwait(false);
        await _publisher.PublishAsync($"rotate-{token}", engines, cancellationToken).ConfigureAwait(false);
        // A Grafana restore waits as long as the rotation did; both halves fit the function's timeout (the bound + 60 s).
        var bound = engines.Contains(RotationEngine.Grafana) ? _options.VerifyTimeout / 2 : _options.VerifyTimeout;
        var refused = await VerifyAsync(pending, engines, _time.GetUtcNow() + bound, cancellationToken).ConfigureAwait(false);
        if (refused.Count == 0)
        {
            var how = engines.Contains(RotationEngine.Grafana) ? " (grafana: its secret holds it and the restart rolled out)" : "";
            return $"AWSCURRENT is version {token}; the new password of '{pending.User}' works on {RotationEngineNames.Join(engines)}{how}";
        }

        // Put the engines back on the password they had, so nothing stays locked out; Secrets Manager retries later.
        await _versions.MoveCurrentAsync(secretId, previous, token, CancellationToken.None).ConfigureAwait(false);
        await _publisher.PublishAsync($"restore-{previous}", engines, CancellationToken.None).ConfigureAwait(false);
        var reasons = string.Join("; ", refused.Select(r => $"{r.Key}: {r.Value}"));
        // Grafana holds whatever password it started with: it must start again once the old one is back in its secret.
        var grafana = engines.Contains(RotationEngine.Grafana)
            && await GrafanaAsync(current.Password, _time.GetUtcNow() + bound, CancellationToken.None).ConfigureAwait(false) is { } stuck
            ? $"; the restore did not complete on grafana either ({stuck})"
            : "";
        throw new RotationFailedException(
            $"finishSecret: the engines did not accept the new password of '{pending.User}' within {bound.TotalSeconds:0} s ({reasons}); AWSCURRENT restored to version {previous}{grafana}");
    }

    /// <summary>Logs in to the SQL engines and restarts Grafana, all within one bound; returns the engines still refusing, with why.</summary>
    private async Task<Dictionary<string, string?>> VerifyAsync(UserSecret secret, IReadOnlySet<RotationEngine> engines, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var refused = new Dictionary<string, string?>(StringComparer.Ordinal);
        var logins = engines.Where(e => e != RotationEngine.Grafana).ToHashSet();
        if (logins.Count > 0)
        {
            var results = await PollAsync(
                async ct => (IReadOnlyDictionary<string, string?>)(await _logins.CheckAsync(secret.User, secret.Password, logins, ct).ConfigureAwait(false))
                    .Where(r => r.Value is not null).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal),
                r => r.Count == 0, deadline, cancellationToken).ConfigureAwait(false);
            foreach (var (engine, reason) in results)
            {
                refused[engine] = reason;
            }
        }

        if (engines.Contains(RotationEngine.Grafana) && await GrafanaAsync(secret.Password, deadline, cancellationToken).ConfigureAwait(false) is { } why)
        {
            refused[RotationEngine.Grafana.Name()] = why;
        }

        return refused;
    }

    /// <summary>Waits until Grafana's secret holds <paramref name="password"/>, restarts Grafana, waits for the rollout; null when all happened by the deadline.</summary>
    private async Task<string?> GrafanaAsync(string password, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        // A restart before the sync would start Grafana on the old value: the order is the point.
        if (await PollAsync(ct => _grafana.SecretHoldsAsync(password, ct), r => r is null, deadline, cancellationToken).ConfigureAwait(false) is { } unsynced)
        {
            return $"not restarted: {unsynced}";
        }

        var generation = await _grafana.RestartAsync(cancellationToken).ConfigureAwait(false);
        return await PollAsync(ct => _grafana.RolloutCompleteAsync(generation, ct), r => r is null, deadline, cancellationToken).ConfigureAwait(false) is { } rollout
            ? $"restarted, but the rollout did not complete: {rollout}"
            : null;
    }

    /// <summary>Repeats <paramref name="check"/> every poll interval until <paramref name="done"/> or the deadline; returns the last answer.</summary>
    private async Task<T> PollAsync<T>(Func<CancellationToken, Task<T>> check, Func<T, bool> done, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            var answer = await check(cancellationToken).ConfigureAwait(false);
            if (done(answer) || _time.GetUtcNow() >= deadline)
            {
                return answer;
            }

            await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(UserSecret Current, UserSecret Pending)> BothAsync(string secretId, string token, CancellationToken cancellationToken)
    {
        var current = await _versions.GetAsync(secretId, null, SecretMetadata.Current, cancellationToken).ConfigureAwait(false)
            ?? throw new RotationFailedException($"secret '{secretId}' has no AWSCURRENT value");
        var pending = await _versions.GetAsync(secretId, token, SecretMetadata.Pending, cancellationToken).ConfigureAwait(false)
            ?? throw new RotationFailedException($"version {token} of secret '{secretId}' has no value: run createSecret first");
        return (Parse(secretId, current, SecretMetadata.Current), Parse(secretId, pending, SecretMetadata.Pending));
    }

    private static UserSecret Parse(string secretId, string text, string stage)
    {
        JsonObject? node;
        try
        {
            node = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            node = null;
        }

        // Engine users are {"user",...}; Grafana's admin secret, like the chart's, is {"username",...}.
        var userKey = node?.ContainsKey("user") == false ? "username" : "user";
        return node?[userKey] is JsonValue user && user.TryGetValue<string>(out var name) && name.Length > 0
            && node["password"] is JsonValue password && password.TryGetValue<string>(out var value) && value.Length > 0
            ? new UserSecret(node, name, value)
            : throw new RotationFailedException($"secret '{secretId}' ({stage}) must be JSON with non-empty \"user\" (or \"username\") and \"password\"");
    }

    private sealed record UserSecret(JsonObject Node, string User, string Password);
}
