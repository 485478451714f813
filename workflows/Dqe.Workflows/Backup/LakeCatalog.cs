namespace Dqe.Workflows.Backup;

/// <summary>The lake's Glue database, named the same by the CDK app that creates it and the backup that exports it.</summary>
public static class LakeCatalog
{
    public static string DatabaseName(string envName)
    {
        ArgumentNullException.ThrowIfNull(envName);
        return $"dqe_{envName.Replace('-', '_')}_lake";
    }
}
