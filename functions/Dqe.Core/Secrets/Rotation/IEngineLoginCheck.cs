namespace Dqe.Core.Secrets.Rotation;

/// <summary>Whether engines accept a user's password (a <c>SELECT 1</c> as that user).</summary>
public interface IEngineLoginCheck
{
    /// <summary>The names of <paramref name="engines"/> (only those are asked), each paired with null when it accepted the login or the reason it did not.</summary>
    Task<IReadOnlyDictionary<string, string?>> CheckAsync(string user, string password, IReadOnlySet<RotationEngine> engines, CancellationToken cancellationToken);
}
