using System.CommandLine;
using Dqe.Cli.Hosting;
using Dqe.Core.Hosting;

namespace Dqe.Cli.Commands;

internal static class HandlersCommand
{
    public static Command Create()
    {
        var command = new Command("handlers", "List the handlers the bootstrap hosts, with their request and response shapes.");
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var services = LocalHost.Services();
            foreach (var registration in HandlerRegistry.All)
            {
                var handler = registration.Create(services);
                output.WriteLine(registration.Name);
                output.WriteLine($"  {registration.Description}");
                output.WriteLine($"  request:  {HandlerShape.Describe(handler.RequestType)}");
                output.WriteLine($"  response: {HandlerShape.Describe(handler.ResponseType)}");
            }

            output.WriteLine($"{HandlerRegistry.All.Count} handler(s)");
            return 0;
        });
        return command;
    }
}
