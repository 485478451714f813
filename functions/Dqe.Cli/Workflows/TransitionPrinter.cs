using Dqe.Workflows.Local;

namespace Dqe.Cli.Workflows;

/// <summary>Prints one line per finished state as the execution runs: state, type, duration, outcome.</summary>
internal sealed class TransitionPrinter(TextWriter output)
{
    private readonly Dictionary<string, long> _entered = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void OnEvent(WorkflowEvent e)
    {
        lock (_gate)
        {
            switch (e.Type)
            {
                case "StateEntered":
                    _entered[e.State!] = e.Timestamp;
                    break;
                case "StateExited":
                    Print(e, "ok");
                    break;
                case "StateFailed":
                    Print(e, $"FAILED {e.Error}: {e.Cause}");
                    break;
                case "StateRetried":
                    output.WriteLine($"  {e.State,-32} {e.StateType,-8} {"",8}  retrying");
                    break;
                case "StateCaught":
                    output.WriteLine($"  {e.State,-32} {e.StateType,-8} {"",8}  caught -> failure path");
                    break;
            }
        }
    }

    private void Print(WorkflowEvent e, string outcome)
    {
        var duration = _entered.TryGetValue(e.State!, out var start) ? $"{e.Timestamp - start} ms" : "";
        output.WriteLine($"  {e.State,-32} {e.StateType,-8} {duration,8}  {outcome}");
    }
}
