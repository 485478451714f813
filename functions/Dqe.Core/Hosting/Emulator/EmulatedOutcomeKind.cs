namespace Dqe.Core.Hosting.Emulator;

public enum EmulatedOutcomeKind
{
    Response,
    Error,
    InitError,
}
