using System.Security.Cryptography;

namespace Acode.Ec2Emulator.Control;

/// <summary>Holds the injected faults and decides, per call, whether one fires; thread-safe.</summary>
internal sealed class FaultInjector
{
    private readonly List<(FaultRule Rule, int Remaining)> _rules = [];
    private readonly Lock _gate = new();

    public void Add(FaultRule rule)
    {
        if (!FaultCodes.All.Contains(rule.Code))
        {
            throw new ArgumentException($"Unknown fault code '{rule.Code}'.", nameof(rule));
        }

        if (rule.Count is null && rule.Rate is null)
        {
            throw new ArgumentException("A fault needs a Count or a Rate.", nameof(rule));
        }

        lock (_gate)
        {
            _rules.Add((rule, rule.Count ?? 0));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>The fault for this call, if a rule matches.</summary>
    /// <param name="action">The action called.</param>
    /// <param name="region">The region the call is signed for (null: the default one).</param>
    /// <param name="target">Where the launch would land (zone, type), asked only when a rule selects on them.</param>
    /// <param name="skipPoolFaults">Leave capacity and price faults to <see cref="NextForPool"/> (an instant fleet reports them per pool, in a 200 reply).</param>
    public string? Next(string action, string? region = null, Func<(string? Zone, string? Type)>? target = null, bool skipPoolFaults = false) =>
        Match(action, region, target, code => !skipPoolFaults || !IsPoolFault(code));

    /// <summary>The capacity or price fault for one pool (type in a zone) of a fleet in a region, or null.</summary>
    public string? NextForPool(string action, string? region, string? zone, string type) => Match(action, region, () => (zone, type), IsPoolFault);

    private static bool IsPoolFault(string code) => code is FaultCodes.InsufficientInstanceCapacity or FaultCodes.SpotMaxPriceTooLow;

    private string? Match(string action, string? region, Func<(string? Zone, string? Type)>? target, Func<string, bool> considered)
    {
        (string? Zone, string? Type)? launch = null;
        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var (rule, remaining) = _rules[i];
                if ((rule.Action != "*" && rule.Action != action) || !considered(rule.Code))
                {
                    continue;
                }

                if (rule.Region is not null && rule.Region != region)
                {
                    continue;
                }

                if (rule.AvailabilityZone is not null || rule.InstanceType is not null)
                {
                    launch ??= target?.Invoke() ?? (null, null);
                    if ((rule.AvailabilityZone is not null && rule.AvailabilityZone != launch.Value.Zone)
                        || (rule.InstanceType is not null && rule.InstanceType != launch.Value.Type))
                    {
                        continue;
                    }
                }

                if (rule.Count is not null)
                {
                    if (remaining <= 1)
                    {
                        _rules.RemoveAt(i);
                    }
                    else
                    {
                        _rules[i] = (rule, remaining - 1);
                    }

                    return rule.Code;
                }

                if (rule.Rate is { } rate && RandomNumberGenerator.GetInt32(1_000_000) < rate * 1_000_000)
                {
                    return rule.Code;
                }
            }

            return null;
        }
    }
}
