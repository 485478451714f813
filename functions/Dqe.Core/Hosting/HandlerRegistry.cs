using Dqe.Core.Backup;
using Dqe.Core.Hosting.Diagnostics;
using Dqe.Core.Recovery;

namespace Dqe.Core.Hosting;

/// <summary>
/// Every handler the <c>bootstrap</c> binary hosts, built in code so Native AOT sees each one (no
/// reflection, no scanning). The function's <c>_HANDLER</c> setting picks an entry by name.
/// To add a handler: write a <see cref="FunctionHandler{TRequest,TResponse}"/> and add ONE line below.
/// </summary>
public static class HandlerRegistry
{
    public static IReadOnlyList<HandlerRegistration> All { get; } =
    [
        new(PingHandler.Name, "Diagnostic: echoes a note with version, function name and remaining time.", s => new PingHandler(s.Time)),
        new(BackupHandler.Name, "Backup workflow step: plan, start, poll, complete, verify, mark failed, retention, list.", s => new BackupHandler(() => BackupSetup.Create(s))),
        new(DrillHandler.Name, "DR drill step: start, heartbeat, fault, check, measure, fail-back, report.", s => new DrillHandler(() => DrillSetup.Create(s))),
    ];

    public static HandlerRegistration? Find(string name) =>
        All.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.Ordinal));
}
