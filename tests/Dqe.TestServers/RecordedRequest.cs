namespace Dqe.TestServers;

/// <summary>What a replay server received, for assertions.</summary>
public sealed record RecordedRequest(string Method, string Path, string Body, IReadOnlyDictionary<string, string> Headers);
