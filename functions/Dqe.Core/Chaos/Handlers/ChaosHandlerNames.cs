namespace Dqe.Core.Chaos.Handlers;

/// <summary>Handler names of the chaos workflow and the sweeper.</summary>
public static class ChaosHandlerNames
{
    public const string Validate = "chaos.validate";
    public const string Inject = "chaos.inject";
    public const string Observe = "chaos.observe";
    public const string Rollback = "chaos.rollback";
    public const string Report = "chaos.report";
    public const string Sweep = "chaos.sweep";

    /// <summary>Error raised when the observe loop decides to abort; the workflow catches it and rolls back.</summary>
    public const string AbortedError = "Function.ChaosAbortedException";

    /// <summary>Error raised when rollback gave up; the sweeper removes what is left after its expiry.</summary>
    public const string RollbackIncompleteError = "Function.ChaosRollbackIncompleteException";
}
