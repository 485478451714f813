using System.Text.Json.Nodes;
using Dqe.Core.Secrets.Rotation;
using Dqe.TestServers.Kubernetes;
using Dqe.TestServers.Secrets;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>
/// The engines a secret's user lives on, as the rotation sees them: each holds one password for the user and reloads
/// it from the secret's AWSCURRENT only when the cluster says so — Trino when the force-sync annotation of the
/// ExternalSecret that carries the secret to it changes (External Secrets re-syncs, the file authenticator reloads),
/// ClickHouse when that ExternalSecret was re-synced and the installation's spec.taskID changed (the operator
/// re-renders users). An engine the user is not on answers "Unknown user". Each check takes <see cref="CheckTakes"/>
/// on the fake clock.
/// </summary>
public sealed class FakeEngineLogins : IEngineLoginCheck
{
    private readonly FakeKubernetesApi _api;
    private readonly FakeSecretsManager _secrets;
    private readonly string _secretId;
    private readonly FakeTimeProvider _time;
    private readonly IReadOnlyDictionary<RotationEngine, RotationTarget> _carriers;
    private readonly Dictionary<RotationEngine, string> _passwords = [];
    private readonly Dictionary<RotationEngine, string?> _seen = [];

    /// <param name="carriers">The engines the user is on, each with the ExternalSecret that carries the secret there.</param>
    public FakeEngineLogins(FakeKubernetesApi api, FakeSecretsManager secrets, string secretId, FakeTimeProvider time, IReadOnlyDictionary<RotationEngine, RotationTarget> carriers)
    {
        _api = api;
        _secrets = secrets;
        _secretId = secretId;
        _time = time;
        _carriers = carriers;
        foreach (var engine in carriers.Keys)
        {
            _passwords[engine] = Password(secrets.ValueAt(secretId, FakeSecret.Current)!);
            _seen[engine] = Marker(engine);
        }
    }

    public TimeSpan CheckTakes { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Engines that never reload (ClickHouse's operator down, Trino's mount not refreshed): they keep the old password.</summary>
    public HashSet<RotationEngine> Stuck { get; } = [];

    /// <summary>The engines asked, per check.</summary>
    public List<IReadOnlySet<RotationEngine>> Asked { get; } = [];

    /// <summary>The password each engine holds now.</summary>
    public IReadOnlyDictionary<RotationEngine, string> Passwords => _passwords;

    public Task<IReadOnlyDictionary<string, string?>> CheckAsync(string user, string password, IReadOnlySet<RotationEngine> engines, CancellationToken cancellationToken)
    {
        Asked.Add(engines);
        _time.Advance(CheckTakes);
        foreach (var engine in _carriers.Keys.Where(e => !Stuck.Contains(e)))
        {
            Reload(engine);
        }

        IReadOnlyDictionary<string, string?> results = engines.ToDictionary(
            e => e.Name(),
            e => !_passwords.TryGetValue(e, out var held) ? $"Unknown user {user}" : held == password ? null : "Authentication failed: password is incorrect",
            StringComparer.Ordinal);
        return Task.FromResult(results);
    }

    /// <summary>Catches up with the cluster as the reconcilers would (after a restore too).</summary>
    public void Settle()
    {
        foreach (var engine in _carriers.Keys)
        {
            Reload(engine);
        }
    }

    private void Reload(RotationEngine engine)
    {
        var marker = Marker(engine);
        if (marker != _seen[engine])
        {
            _seen[engine] = marker;
            _passwords[engine] = Password(_secrets.ValueAt(_secretId, FakeSecret.Current)!);
        }
    }

    /// <summary>What must change for the engine to reload: Trino the annotation; ClickHouse the taskID, once its ExternalSecret was synced.</summary>
    private string? Marker(RotationEngine engine)
    {
        var annotation = RotationHarness.ForceSync(_api, _carriers[engine]);
        return engine == RotationEngine.Trino ? annotation : annotation is null ? null : RotationHarness.TaskId(_api);
    }

    private static string Password(string json) => JsonNode.Parse(json)!["password"]!.GetValue<string>();
}
