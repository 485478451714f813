namespace Dqe.TestServers.Secrets;

/// <summary>One secret of <see cref="FakeSecretsManager"/>: its versions (value, or none for a rotation's placeholder) and staging labels.</summary>
public sealed class FakeSecret
{
    public const string Current = "AWSCURRENT";
    public const string Pending = "AWSPENDING";
    public const string Previous = "AWSPREVIOUS";

    public FakeSecret(string id) => Id = id;

    public string Id { get; }

    public bool RotationEnabled { get; set; }

    /// <summary>Value per version id; null for a version Secrets Manager created for a rotation before createSecret put its value.</summary>
    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Labels per version id; a label is on at most one version.</summary>
    public Dictionary<string, HashSet<string>> Stages { get; } = new(StringComparer.Ordinal);

    /// <summary>The version carrying <paramref name="stage"/>, or null.</summary>
    public string? VersionWith(string stage) => Stages.FirstOrDefault(s => s.Value.Contains(stage)).Key;

    /// <summary>Puts <paramref name="stage"/> on <paramref name="version"/> only; moving AWSCURRENT labels its former version AWSPREVIOUS, as the service does.</summary>
    public void Label(string version, string stage)
    {
        var former = VersionWith(stage);
        if (former == version)
        {
            return;
        }

        if (former is not null)
        {
            Stages[former].Remove(stage);
        }

        Stages.TryAdd(version, []);
        Stages[version].Add(stage);
        if (stage == Current && former is not null)
        {
            Label(former, Previous);
        }
    }
}
