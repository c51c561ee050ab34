using System.CommandLine;
using Acode.Application.Configuration;

namespace Acode.Cli.CommandLine;

/// <summary>
/// An option whose value is a duration with its unit (<c>90s</c>, <c>15m</c>, <c>2h</c>, <c>1d</c>, <c>1h30m</c>):
/// a bare number is refused with "add a unit", and help shows the default the same way (<c>2h</c>, not <c>02:00:00</c>).
/// </summary>
internal static class DurationOption
{
    public static Option<TimeSpan> Create(string name, string description, TimeSpan defaultValue)
    {
        var option = new Option<TimeSpan>(name)
        {
            Description = description,
            HelpName = "duration",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                if (!DurationText.TryParse(text, out var duration, out var error))
                {
                    result.AddError($"{name}: {error}, got \"{text}\"");
                }

                return duration;
            },
        };
        HelpWithExamplesAction.SetDefaultText(option, defaultValue.ToString(), DurationText.Format(defaultValue));
        return option;
    }
}
