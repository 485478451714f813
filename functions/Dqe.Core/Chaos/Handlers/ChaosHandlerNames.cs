namespace Dqe.Core.Chaos.Handlers;

/// <summary>Handler names of the chaos workflow and the sweeper.</summary>
public static class ChaosHandlerNames
{
    public const string Validate = "dqe.chaos.validate";
    public const string Inject = "dqe.chaos.inject";
    public const string Observe = "dqe.chaos.observe";
    public const string Rollback = "dqe.chaos.rollback";
    public const string Report = "dqe.chaos.report";
    public const string Sweep = "dqe.chaos.sweep";
    public const string Verify = "dqe.chaos.verify";
    public const string Weekly = "dqe.chaos.weekly";

    /// <summary>Error raised when the observe loop decides to abort; the workflow catches it and rolls back.</summary>
    public const string AbortedError = "Function.ChaosAbortedException";

    /// <summary>Error raised when rollback gave up; the sweeper removes what is left after its expiry.</summary>
    /// <summary>Error raised when steady state fails before injection (nothing was created).</summary>
    public const string SteadyStateError = "Function.ChaosSteadyStateException";

    public const string RollbackIncompleteError = "Function.ChaosRollbackIncompleteException";
}
