namespace Dqe.TestServers.Kubernetes;

/// <summary>A parsed REST path: <c>api/v1[/namespaces/NS]/PLURAL[/NAME]</c> or <c>apis/G/V[/namespaces/NS]/PLURAL[/NAME]</c>.</summary>
internal sealed record ResourcePath(string Group, string ApiVersion, string Plural, string? Namespace, string? Name)
{
    public static ResourcePath? Parse(string raw)
    {
        var parts = raw.Trim('/').Split('/');
        string group;
        string apiVersion;
        int rest;
        if (parts is ["api", "v1", ..])
        {
            (group, apiVersion, rest) = ("", "v1", 2);
        }
        else if (parts.Length >= 4 && parts[0] == "apis")
        {
            (group, apiVersion, rest) = (parts[1], $"{parts[1]}/{parts[2]}", 3);
        }
        else
        {
            return null;
        }

        var tail = parts[rest..];
        return tail switch
        {
            // "namespaces" itself is a cluster-scoped collection; namespaces/NS/PLURAL[/NAME] is namespaced.
            ["namespaces", var ns, var plural] => new ResourcePath(group, apiVersion, plural, ns, null),
            ["namespaces", var ns, var plural, var name] => new ResourcePath(group, apiVersion, plural, ns, name),
            [var plural] => new ResourcePath(group, apiVersion, plural, null, null),
            [var plural, var name] => new ResourcePath(group, apiVersion, plural, null, name),
            _ => null,
        };
    }

    public static string Key(string group, string plural, string? ns, string? name) => $"{group}|{plural}|{ns}|{name}";

    /// <summary>Whether a stored key belongs to this collection (a collection without namespace spans all namespaces).</summary>
    public bool Contains(string key) => Namespace is null
        ? key.StartsWith($"{Group}|{Plural}|", StringComparison.Ordinal)
        : key.StartsWith($"{Group}|{Plural}|{Namespace}|", StringComparison.Ordinal);
}
