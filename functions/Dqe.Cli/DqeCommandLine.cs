using System.CommandLine;
using Dqe.Cli.Commands;

namespace Dqe.Cli;

/// <summary>The `dqe` command tree. Each verb lives in Commands/ and is added here, one line each.</summary>
public static class DqeCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Dqe: deploy distributed SQL engines on AWS EKS and keep proving they are reliable.")
        {
            VersionCommand.Create(),
            SynthSummaryCommand.Create(),
            InvokeCommand.Create(),
            HandlersCommand.Create(),
            BenchHostCommand.Create(),
            RuntimeEmulatorCommand.Create(),
            WorkflowCommand.Create(),
            QueryCommand.Create(),
            ChaosCommand.Create(),
            RemediateCommand.Create(),
            BenchCommand.Create(),
            BackupCommand.Create(),
            DrCommand.Create(),
        };
        return root;
    }
}
