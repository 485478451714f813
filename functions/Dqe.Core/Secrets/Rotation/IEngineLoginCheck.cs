namespace Dqe.Core.Secrets.Rotation;

/// <summary>Whether each engine accepts a user's password (a <c>SELECT 1</c> as that user).</summary>
public interface IEngineLoginCheck
{
    /// <summary>Engine names, each paired with null when it accepted the login or the reason it did not.</summary>
    Task<IReadOnlyDictionary<string, string?>> CheckAsync(string user, string password, CancellationToken cancellationToken);
}
