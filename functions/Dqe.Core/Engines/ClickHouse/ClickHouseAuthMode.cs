namespace Dqe.Core.Engines.ClickHouse;

/// <summary>How credentials travel: HTTP basic auth, or the <c>X-ClickHouse-User</c>/<c>X-ClickHouse-Key</c> headers.</summary>
public enum ClickHouseAuthMode
{
    Basic,
    Headers,
}
