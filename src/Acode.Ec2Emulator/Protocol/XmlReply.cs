using System.Globalization;
using System.Text;
using System.Xml;

namespace Acode.Ec2Emulator.Protocol;

/// <summary>Writes an XML reply element by element; null values are left out, as AWS omits absent members.</summary>
internal sealed class XmlReply
{
    private readonly StringBuilder _buffer = new();
    private readonly XmlWriter _writer;

    public XmlReply(string root, string ns)
    {
        // The declaration is written by hand: XmlWriter over a StringBuilder would declare utf-16, but replies go out as UTF-8.
        _buffer.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        _writer = XmlWriter.Create(_buffer, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false, ConformanceLevel = ConformanceLevel.Fragment });
        _writer.WriteStartElement(root, ns);
    }

    public XmlReply E(string name, string? value)
    {
        if (value is not null)
        {
            _writer.WriteElementString(name, Sanitize(value));
        }

        return this;
    }

    /// <summary>Replaces characters XML cannot carry (they can arrive in hostile input echoed in messages).</summary>
    private static string Sanitize(string value)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var valid = XmlConvert.IsXmlChar(c)
                || (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]));
            if (valid && char.IsHighSurrogate(c))
            {
                clean?.Append(c).Append(value[i + 1]);
                i++;
                continue;
            }

            if (!valid && clean is null)
            {
                clean = new StringBuilder(value, 0, i, value.Length);
            }

            clean?.Append(valid ? c : '\uFFFD');
        }

        return clean?.ToString() ?? value;
    }

    public XmlReply E(string name, bool value) => E(name, value ? "true" : "false");

    public XmlReply E(string name, long value) => E(name, value.ToString(CultureInfo.InvariantCulture));

    public XmlReply E(string name, long? value) => value is { } v ? E(name, v) : this;

    public XmlReply E(string name, DateTimeOffset value) => E(name, Timestamps.Format(value));

    public XmlReply E(string name, DateTimeOffset? value) => value is { } v ? E(name, v) : this;

    public XmlReply Open(string name)
    {
        _writer.WriteStartElement(name);
        return this;
    }

    public XmlReply Close()
    {
        _writer.WriteEndElement();
        return this;
    }

    /// <summary>A list: <c>&lt;name&gt;&lt;item&gt;...&lt;/item&gt;&lt;/name&gt;</c>.</summary>
    public XmlReply Set<T>(string name, IEnumerable<T> items, Action<XmlReply, T> write)
    {
        Open(name);
        foreach (var item in items)
        {
            Open("item");
            write(this, item);
            Close();
        }

        return Close();
    }

    /// <summary>A list of plain values: <c>&lt;name&gt;&lt;item&gt;v&lt;/item&gt;...&lt;/name&gt;</c>.</summary>
    public XmlReply Values(string name, IEnumerable<string> values)
    {
        Open(name);
        foreach (var value in values)
        {
            E("item", value);
        }

        return Close();
    }

    public XmlReply Tags(IReadOnlyDictionary<string, string> tags) =>
        Set("tagSet", tags, (r, t) => r.E("key", t.Key).E("value", t.Value));

    public string Finish()
    {
        _writer.WriteEndElement();
        _writer.Flush();
        _writer.Dispose();
        return _buffer.ToString();
    }
}
