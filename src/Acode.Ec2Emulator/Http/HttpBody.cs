using System.Text;
using Microsoft.AspNetCore.Http;

namespace Acode.Ec2Emulator.Http;

/// <summary>Reads request bodies with a size limit; the limit keeps a hostile client from exhausting memory.</summary>
internal static class HttpBody
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The body bytes, or null when it exceeds <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static string Text(byte[] body) => new UTF8Encoding(false, false).GetString(body);

    public static async Task WriteAsync(HttpResponse response, int status, string contentType, string text, string requestId)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        response.Headers["x-amzn-RequestId"] = requestId;
        await response.WriteAsync(text, Encoding.UTF8);
    }
}
