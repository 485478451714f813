using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Dqe.Benchmarks;

/// <summary>
/// The floor: the same HTTP calls (POST, then GET nextUri until done) with each page read into a pooled buffer
/// and walked token by token with Utf8JsonReader — JSON parsing, but no value decoding and no row objects.
/// </summary>
internal static class FloorReader
{
    public static async Task<long> ReadAsync(HttpClient http, Uri server, string sql, Action<long> sample, bool parse = true)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(server, "v1/statement")) { Content = new StringContent(sql) };
        post.Headers.Add("X-Trino-User", "bench");
        var (next, rows) = await PageAsync(http, post, parse);
        while (next is not null)
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, next);
            get.Headers.Add("X-Trino-User", "bench");
            var (following, count) = await PageAsync(http, get, parse);
            next = following;
            rows += count;
            sample(rows);
        }

        return rows;
    }

    private static async Task<(string? Next, long Rows)> PageAsync(HttpClient http, HttpRequestMessage request, bool parse)
    {
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var buffer = ArrayPool<byte>.Shared.Rent((int)(response.Content.Headers.ContentLength ?? 65536) + 1);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync();
            var length = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(length))) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
            }

            return parse ? Walk(buffer.AsSpan(0, length)) : Scan(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Transport only: find nextUri and count rows by their opening bytes, no JSON parsing.</summary>
    private static (string? Next, long Rows) Scan(ReadOnlySpan<byte> json)
    {
        var at = json.IndexOf("\"nextUri\":\""u8);
        string? next = null;
        if (at >= 0)
        {
            var start = at + 11;
            next = Encoding.UTF8.GetString(json[start..(start + json[start..].IndexOf((byte)'"'))]);
        }

        return (next, json.Count("[9"u8));
    }

    public static long WalkForBench(ReadOnlySpan<byte> json) => Walk(json).Rows;

    private static (string? Next, long Rows) Walk(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        string? next = null;
        long rows = 0;
        var inData = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                inData = reader.ValueTextEquals("data"u8);
                if (reader.ValueTextEquals("nextUri"u8))
                {
                    reader.Read();
                    next = Encoding.UTF8.GetString(reader.ValueSpan);
                }
            }
            else if (inData && reader.TokenType == JsonTokenType.StartArray && reader.CurrentDepth == 2)
            {
                rows++;
            }
        }

        return (next, rows);
    }
}
