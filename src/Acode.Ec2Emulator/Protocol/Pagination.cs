using System.Globalization;
using System.Text;

namespace Acode.Ec2Emulator.Protocol;

/// <summary>
/// MaxResults/NextToken paging with each action's bounds. The token is opaque to clients: it names the action and
/// the offset, so a token from another action or a made-up one is refused with AWS's code instead of a 500.
/// </summary>
internal static class Pagination
{
    public static (List<T> Page, string? NextToken) Page<T>(
        IReadOnlyList<T> items, QueryParameters parameters, string action, int min, int max)
    {
        var maxResults = parameters.GetInt("MaxResults");
        if (maxResults is { } m && m < min)
        {
            throw new Ec2Exception("InvalidParameterValue", $"Value ( {m} ) for parameter maxResults is invalid. Expecting a value greater than {min}.");
        }

        if (maxResults is { } n && n > max)
        {
            throw new Ec2Exception("InvalidParameterValue", $"Value ( {n} ) for parameter maxResults is invalid. Expecting a value less than {max}.");
        }

        var offset = 0;
        if (parameters.Get("NextToken") is { Length: > 0 } token)
        {
            offset = Decode(token, action);
        }

        if (offset > items.Count)
        {
            offset = items.Count;
        }

        var size = maxResults ?? int.MaxValue;
        var page = items.Skip(offset).Take(size).ToList();
        var next = offset + page.Count < items.Count ? Encode(action, offset + page.Count) : null;
        return (page, next);
    }

    private static string Encode(string action, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"v1|{action}|{offset.ToString(CultureInfo.InvariantCulture)}"));

    private static int Decode(string token, string action)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|');
            if (parts.Length == 3 && parts[0] == "v1" && parts[1] == action
                && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to the error below.
        }

        throw new Ec2Exception("InvalidPaginationToken", $"The specified pagination token is not valid or is expired: {Truncate(token)}");
    }

    private static string Truncate(string text) => text.Length > 64 ? text[..64] : text;
}
