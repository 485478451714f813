using System.Buffers;

namespace Dqe.Core.Engines.Trino;

/// <summary>A QueryResults document as read from the wire, in a pooled buffer that <see cref="Dispose"/> returns.</summary>
internal sealed class TrinoRawPage(byte[] buffer, int length) : IDisposable
{
    private byte[]? _buffer = buffer;

    /// <summary>Parses the page (see <see cref="TrinoPageParser.Parse"/>) and records the column decoders in force after it.</summary>
    public TrinoPage Parse(TrinoDecoder[]? decoders, Action<string, TrinoDecoder[]?>? readAhead)
    {
        var page = TrinoPageParser.Parse((_buffer ?? throw new ObjectDisposedException(nameof(TrinoRawPage))).AsSpan(0, length), ref decoders, readAhead);
        page.Decoders = decoders;
        return page;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } owned)
        {
            ArrayPool<byte>.Shared.Return(owned);
        }
    }
}
