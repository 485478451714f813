using Dqe.Cli;

return await DqeCommandLine.Build().Parse(args).InvokeAsync().ConfigureAwait(false);
