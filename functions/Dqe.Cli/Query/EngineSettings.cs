namespace Dqe.Cli.Query;

/// <summary>Where and as whom to connect; secrets come from the environment (see <see cref="EngineFactory"/>).</summary>
internal sealed record EngineSettings(Uri Server, string? User, string? Catalog, string? Schema, bool AllowInsecure);
