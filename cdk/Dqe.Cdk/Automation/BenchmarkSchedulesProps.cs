using Amazon.CDK.AWS.StepFunctions;
using Dqe.Cdk.Config;

namespace Dqe.Cdk.Automation;

/// <summary>Inputs of <see cref="BenchmarkSchedules"/>: the benchmark state machine, the configured runs and the environment's defaults.</summary>
public sealed record BenchmarkSchedulesProps(IStateMachine Benchmark, BenchmarkScheduleConfig Config, BenchmarkTargets Targets);
