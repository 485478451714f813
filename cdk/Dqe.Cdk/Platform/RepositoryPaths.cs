using Dqe.Cdk.Config;

namespace Dqe.Cdk.Platform;

/// <summary>Finds files of this repository whether the app runs from the root (cdk CLI) or a test's bin folder.</summary>
internal static class RepositoryPaths
{
    public static string Find(string relativePath, string hint)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relativePath);
                if (File.Exists(candidate) || Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new ConfigException($"{relativePath} not found: {hint}");
    }
}
