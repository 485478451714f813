using System.Buffers;

namespace Dqe.Core.Engines.ClickHouse;

/// <summary>Splits a response stream into lines without allocating per line (a pooled, growing buffer).</summary>
internal sealed class ClickHouseLineReader(Stream stream) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>Fills the buffer; false once the stream has ended and no unread bytes remain.</summary>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_eof)
        {
            return _end > _start;
        }

        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _eof = read == 0;
        _end += read;
        return _end > _start;
    }

    /// <summary>The next complete line (without '\n'); at end of stream the unterminated rest counts as a line.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        var unread = _buffer.AsSpan(_start, _end - _start);
        var newline = unread.IndexOf((byte)'\n');
        if (newline >= 0)
        {
            line = unread[..newline];
            _start += newline + 1;
            return true;
        }

        if (_eof && unread.Length > 0)
        {
            line = unread;
            _start = _end;
            return true;
        }

        line = default;
        return false;
    }

    public bool Ended => _eof && _start == _end;

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
}
