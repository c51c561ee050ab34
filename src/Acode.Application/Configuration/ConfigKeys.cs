namespace Acode.Application.Configuration;

/// <summary>Declares the keys of a section over <typeparamref name="TConfig"/> in one call each.</summary>
/// <typeparam name="TConfig">The record the section binds into.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "The type argument fixed once lets every key's lambdas infer their types.")]
public static class ConfigKeys<TConfig>
{
    /// <summary>One key: name, type, property, help line, and optionally its documented default and its check.</summary>
    public static ConfigKey<TConfig> Key<TValue>(
        string name,
        ConfigValueType<TValue> type,
        Func<TConfig, TValue> get,
        Func<TConfig, TValue, TConfig> set,
        string help,
        string? defaultText = null,
        Action<TConfig, TValue, ConfigProblems>? check = null,
        bool alwaysWritten = false,
        bool listed = true,
        bool required = false) => new ConfigKey<TConfig, TValue>
        {
            Name = name,
            Type = type,
            Get = get,
            Set = set,
            Help = help,
            DefaultText = defaultText,
            Check = check,
            AlwaysWritten = alwaysWritten,
            Listed = listed,
            Required = required,
        };
}
