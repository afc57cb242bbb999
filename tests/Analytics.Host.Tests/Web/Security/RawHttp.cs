using System.Net.Sockets;
using System.Text;

namespace Analytics.Host.Tests.Web.Security;

/// <summary>
/// One HTTP/1.1 request written by hand on a socket, for what HttpClient will not send as asked (a chunked body
/// that keeps going after the server has answered, or a huge body the server refuses before it is all sent).
/// </summary>
internal static class RawHttp
{
    /// <summary>
    /// Sends <paramref name="head"/> (request line and headers, without the blank line) and then the body parts,
    /// as chunks or with a Content-Length; the whole answer as text.
    /// </summary>
    public static async Task<string> SendAsync(Uri server, string head, IReadOnlyList<string> parts, bool chunked)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        try
        {
            var framing = chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {parts.Sum(p => (long)Encoding.UTF8.GetByteCount(p))}";
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"{head}Host: {server.Authority}\r\n{framing}\r\nConnection: close\r\n\r\n"));
            foreach (var part in parts)
            {
                var bytes = Encoding.UTF8.GetBytes(part);
                if (chunked)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"{bytes.Length:x}\r\n"));
                }

                await stream.WriteAsync(bytes);
                if (chunked)
                {
                    await stream.WriteAsync("\r\n"u8.ToArray());
                }
            }

            if (chunked)
            {
                await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
            }
        }
        catch (IOException)
        {
            // The server may answer and close before the whole body is written; its answer is what counts.
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
