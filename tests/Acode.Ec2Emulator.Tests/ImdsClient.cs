using System.Net;

namespace Acode.Ec2Emulator.Tests;

/// <summary>A raw IMDSv2 client: token first, then GETs with the token, as code inside an instance would do.</summary>
internal sealed class ImdsClient(Uri baseUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUrl };
    private string? _token;

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path, bool withToken = true)
    {
        if (withToken && _token is null)
        {
            using var put = new HttpRequestMessage(HttpMethod.Put, "latest/api/token");
            put.Headers.Add("X-aws-ec2-metadata-token-ttl-seconds", "60");
            using var tokenResponse = await _http.SendAsync(put);
            tokenResponse.EnsureSuccessStatusCode();
            _token = await tokenResponse.Content.ReadAsStringAsync();
        }

        using var get = new HttpRequestMessage(HttpMethod.Get, path);
        if (withToken)
        {
            get.Headers.Add("X-aws-ec2-metadata-token", _token);
        }

        using var response = await _http.SendAsync(get);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => _http.Dispose();
}
