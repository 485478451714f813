namespace Dqe.Workflows.Local;

/// <summary>Where the local runner finds node, aws-local-stepfunctions (installed by npm ci) and its bridge script.</summary>
public sealed record NodeTooling(string NodeExecutable, string ModuleDirectory, string ScriptPath)
{
    internal const string ModuleRelativePath = "node_modules/aws-local-stepfunctions";

    /// <summary>Looks upward from the working directory and the program's folder for the repository's node_modules.</summary>
    public static NodeTooling Discover()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Local", "local-sfn.cjs");
        if (!File.Exists(script))
        {
            throw new FileNotFoundException($"local runner script missing at {script}: rebuild the project");
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var module = Path.Combine(dir.FullName, ModuleRelativePath);
                if (Directory.Exists(module))
                {
                    return new NodeTooling("node", module, script);
                }
            }
        }

        throw new DirectoryNotFoundException($"{ModuleRelativePath} not found: run 'npm ci' in the repository root (scripts/setup.sh does)");
    }
}
