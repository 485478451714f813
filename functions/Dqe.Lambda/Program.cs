using Dqe.Core.Hosting;
using Dqe.Lambda.Runtime;

// The provided.al2023 bootstrap: hosts the Dqe handler named by _HANDLER (see LambdaBootstrap).
return await LambdaBootstrap.RunAsync(new ProcessEnvironment(), Console.Out, TimeProvider.System, maxInvocations: null, CancellationToken.None).ConfigureAwait(false);
