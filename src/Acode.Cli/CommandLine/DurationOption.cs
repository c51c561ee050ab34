using System.CommandLine;
using Acode.Application.Configuration;

namespace Acode.Cli.CommandLine;

/// <summary>An option whose value is a duration as written in configuration (<c>2h</c>, <c>30m</c>, <c>1h30m</c>, <c>0s</c>).</summary>
internal static class DurationOption
{
    public static Option<TimeSpan> Create(string name, string description, TimeSpan defaultValue) => new(name)
    {
        Description = description,
        HelpName = "duration",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (!DurationText.TryParse(text, out var duration, out _) || duration < TimeSpan.Zero)
            {
                result.AddError($"{name}: expected a duration like 2h, 30m, 1h30m or 0s, got \"{text}\"");
                return default;
            }

            return duration;
        },
    };
}
