using System.Text.Json.Nodes;
using Dqe.Core.Secrets.Rotation;
using Dqe.TestServers.Kubernetes;
using Dqe.TestServers.Secrets;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>
/// Trino and ClickHouse as the rotation sees them: each holds one password for the user and reloads it from the
/// secret's AWSCURRENT only when the cluster says so — Trino when the force-sync annotation of its ExternalSecret
/// changes (External Secrets re-syncs, the file authenticator reloads), ClickHouse when both its ExternalSecret was
/// re-synced and the installation's spec.taskID changed (the operator re-renders users). Each check takes
/// <see cref="CheckTakes"/> on the fake clock.
/// </summary>
public sealed class FakeEngineLogins : IEngineLoginCheck
{
    private readonly FakeKubernetesApi _api;
    private readonly FakeSecretsManager _secrets;
    private readonly string _secretId;
    private readonly FakeTimeProvider _time;
    private readonly Dictionary<string, string> _passwords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _seen = new(StringComparer.Ordinal);

    public FakeEngineLogins(FakeKubernetesApi api, FakeSecretsManager secrets, string secretId, FakeTimeProvider time)
    {
        _api = api;
        _secrets = secrets;
        _secretId = secretId;
        _time = time;
        var current = Password(secrets.ValueAt(secretId, FakeSecret.Current)!);
        _passwords["trino"] = current;
        _passwords["clickhouse"] = current;
        _seen["trino"] = Annotation("trino", "trino-password-authentication");
        _seen["clickhouse"] = TaskId();
    }

    public TimeSpan CheckTakes { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>When true the ClickHouse operator never re-renders (e.g. it is down): ClickHouse keeps the old password.</summary>
    public bool ClickHouseStuck { get; set; }

    public int Checks { get; private set; }

    /// <summary>The password each engine holds now.</summary>
    public IReadOnlyDictionary<string, string> Passwords => _passwords;

    public Task<IReadOnlyDictionary<string, string?>> CheckAsync(string user, string password, CancellationToken cancellationToken)
    {
        Checks++;
        _time.Advance(CheckTakes);
        Reload("trino", Annotation("trino", "trino-password-authentication"));
        if (!ClickHouseStuck && Annotation("clickhouse", "clickhouse-users") is not null)
        {
            Reload("clickhouse", TaskId());
        }

        IReadOnlyDictionary<string, string?> results = _passwords.ToDictionary(p => p.Key, p => p.Value == password ? null : "Authentication failed: password is incorrect", StringComparer.Ordinal);
        return Task.FromResult(results);
    }

    /// <summary>Catches up with the cluster as the reconcilers would (after a restore too).</summary>
    public void Settle()
    {
        Reload("trino", Annotation("trino", "trino-password-authentication"));
        Reload("clickhouse", TaskId());
    }

    private void Reload(string engine, string? marker)
    {
        if (marker != _seen[engine])
        {
            _seen[engine] = marker;
            _passwords[engine] = Password(_secrets.ValueAt(_secretId, FakeSecret.Current)!);
        }
    }

    private string? Annotation(string ns, string name) =>
        _api.Get("external-secrets.io", "externalsecrets", ns, name)?["metadata"]?["annotations"]?["force-sync"]?.GetValue<string>();

    private string? TaskId() => _api.Get("clickhouse.altinity.com", "clickhouseinstallations", "clickhouse", "dqe")?["spec"]?["taskID"]?.GetValue<string>();

    private static string Password(string json) => JsonNode.Parse(json)!["password"]!.GetValue<string>();
}
