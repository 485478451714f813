namespace Dqe.Cdk.Config;

/// <summary>Sizing of one Lambda function (or the defaults every Dqe function starts from).</summary>
public sealed record FunctionConfig
{
    /// <summary>Memory in MB (128-10240); CPU scales with it. 512 MB fits the AOT bootstrap with room for result streaming.</summary>
    public int MemoryMb { get; init; } = 512;

    /// <summary>Timeout in seconds (1-900). Long work runs as Step Functions Wait loops, never as sleeping functions.</summary>
    public int TimeoutSeconds { get; init; } = 120;

    /// <summary>Reserved concurrency (1-1000): caps what a runaway schedule or webhook storm can start.</summary>
    public int ReservedConcurrency { get; init; } = 10;
}
