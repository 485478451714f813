namespace Dqe.Cdk.Engines;

/// <summary>Values of the strimzi-kafka-operator chart: the operator watches only its own namespace.</summary>
internal sealed record StrimziValues(object NodeSelector, ResourceValues Resources, bool WatchAnyNamespace, string LogLevel);
