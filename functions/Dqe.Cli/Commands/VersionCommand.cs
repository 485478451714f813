using System.CommandLine;
using Dqe.Core;

namespace Dqe.Cli.Commands;

internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the Dqe version and runtime.");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.WriteLine($"dqe {DqeVersion.Current} ({DqeVersion.Runtime})");
            return 0;
        });
        return command;
    }
}
