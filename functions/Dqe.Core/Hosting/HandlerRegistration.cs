namespace Dqe.Core.Hosting;

/// <summary>One entry of <see cref="HandlerRegistry"/>: the <c>_HANDLER</c> name and how to build it.</summary>
public sealed record HandlerRegistration(string Name, string Description, Func<HostServices, IFunctionHandler> Create);
