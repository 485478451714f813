namespace Dqe.Core.Secrets.Rotation;

/// <summary>What DescribeSecret says about a secret that a rotation needs.</summary>
/// <param name="Name">Secret name (or the id asked for when the answer has none).</param>
/// <param name="RotationEnabled">Whether a rotation schedule is configured.</param>
/// <param name="Versions">Staging labels of each version id.</param>
public sealed record SecretMetadata(string Name, bool RotationEnabled, IReadOnlyDictionary<string, IReadOnlyList<string>> Versions)
{
    public const string Current = "AWSCURRENT";
    public const string Pending = "AWSPENDING";
    public const string Previous = "AWSPREVIOUS";

    /// <summary>The version labelled <paramref name="stage"/>, or null.</summary>
    public string? VersionWith(string stage) => Versions.FirstOrDefault(v => v.Value.Contains(stage, StringComparer.Ordinal)).Key;
}
