namespace Dqe.Core.Secrets.Rotation;

/// <summary>A namespaced Kubernetes object, written <c>namespace/name</c> in the environment.</summary>
public sealed record RotationTarget(string Namespace, string Name)
{
    public override string ToString() => $"{Namespace}/{Name}";
}
