using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace Acode.Infrastructure.Configuration;

/// <summary>
/// Emits one top-level section from plain values with YamlDotNet: strings that would read back as something else
/// (<c>true</c>, <c>0.05</c>, <c>~</c>) are quoted, lists are indented under their key, and text of several lines
/// (user data) is a literal block.
/// </summary>
internal static class YamlBlockEmitter
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .WithIndentedSequences()
        .WithEventEmitter(next => new MultilineAsLiteral(next))
        .Build();

    /// <summary>The section as YAML text ending with a newline.</summary>
    public static string Emit(string section, IReadOnlyDictionary<string, object?> values) =>
        Serializer.Serialize(new Dictionary<string, object?> { [section] = values }).ReplaceLineEndings("\n");

    private sealed class MultilineAsLiteral(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is string text && text.Contains('\n', StringComparison.Ordinal))
            {
                eventInfo.Style = ScalarStyle.Literal;
            }

            base.Emit(eventInfo, emitter);
        }
    }
}
