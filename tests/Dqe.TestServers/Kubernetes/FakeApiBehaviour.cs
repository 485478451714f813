using System.Text.Json.Nodes;

namespace Dqe.TestServers.Kubernetes;

/// <summary>Scripted behaviour of <see cref="FakeKubernetesApi"/>: failures to inject and the controller's reactions.</summary>
public sealed class FakeApiBehaviour
{
    private readonly Lock _gate = new();
    private readonly List<(string Method, string PathPrefix, int Status, int Remaining)> _failures = [];

    /// <summary>Clock for timestamps the server writes (creationTimestamp, deletionTimestamp).</summary>
    public Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>Returns a rejection message to refuse a create with 422 (an admission webhook saying no).</summary>
    public Func<JsonObject, string?>? RejectCreate { get; set; }

    /// <summary>Runs after a create, e.g. a controller writing status.</summary>
    public Action<JsonObject>? OnCreated { get; set; }

    /// <summary>Returns true to keep a deleted object (deletionTimestamp set) as a finalizer would.</summary>
    public Func<JsonObject, bool>? HoldOnDelete { get; set; }

    public Action<string, string>? OnEvicted { get; set; }

    /// <summary>Runs after a patch of a main resource with the stored object, e.g. a controller reconciling it (the patch's answer is already fixed).</summary>
    public Action<JsonObject>? OnPatched { get; set; }

    /// <summary>Runs as each request arrives (method, path without the leading slash), e.g. to let a fake clock pass the round trip.</summary>
    public Action<string, string>? OnRequest { get; set; }

    /// <summary>Answers the next <paramref name="times"/> requests of <paramref name="method"/> under <paramref name="pathPrefix"/> with <paramref name="status"/>.</summary>
    public void FailNext(string method, string pathPrefix, int status, int times = 1)
    {
        lock (_gate)
        {
            _failures.Add((method, pathPrefix.Trim('/'), status, times));
        }
    }

    public void ClearFailures()
    {
        lock (_gate)
        {
            _failures.Clear();
        }
    }

    internal int? Intercept(string method, string path)
    {
        lock (_gate)
        {
            var index = _failures.FindIndex(f => f.Method == method && path.StartsWith(f.PathPrefix, StringComparison.Ordinal) && f.Remaining > 0);
            if (index < 0)
            {
                return null;
            }

            var failure = _failures[index];
            _failures[index] = failure with { Remaining = failure.Remaining - 1 };
            return failure.Status;
        }
    }
}
