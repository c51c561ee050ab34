using System.Diagnostics.Metrics;

namespace Acode.Infrastructure.Compute.Ec2.Metrics;

/// <summary>
/// Instance lifecycle metrics on the meter <c>Acode.Compute.Ec2</c> (NFR-008): launches and terminations by type and
/// market, how long provisioning and SSH readiness took, and what each instance cost.
/// </summary>
public sealed class Ec2Metrics : IDisposable
{
    /// <summary>The meter's name, for OpenTelemetry <c>AddMeter</c> and <c>dotnet-counters</c>.</summary>
    public const string MeterName = "Acode.Compute.Ec2";

    /// <summary>Tag: the EC2 instance type.</summary>
    public const string InstanceTypeTag = "ec2.instance_type";

    /// <summary>Tag: true for a spot instance.</summary>
    public const string SpotTag = "ec2.spot";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _launched;
    private readonly Counter<long> _terminated;
    private readonly Histogram<double> _provisionDuration;
    private readonly Histogram<double> _sshReadyDuration;
    private readonly Histogram<double> _cost;

    /// <summary>Initializes a new instance of the <see cref="Ec2Metrics"/> class.</summary>
    /// <param name="meterFactory">The host's meter factory (DI); null to own a meter of its own.</param>
    public Ec2Metrics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _launched = _meter.CreateCounter<long>("acode.ec2.instances.launched", "{instance}", "EC2 instances launched by acode");
        _terminated = _meter.CreateCounter<long>("acode.ec2.instances.terminated", "{instance}", "EC2 instances terminated by acode");
        _provisionDuration = _meter.CreateHistogram<double>("acode.ec2.provision.duration", "s", "From RunInstances to a usable SSH session");
        _sshReadyDuration = _meter.CreateHistogram<double>("acode.ec2.ssh_ready.duration", "s", "From running to the first authenticated SSH handshake");
        _cost = _meter.CreateHistogram<double>("acode.ec2.instance.cost", "USD", "Estimated cost of one instance over its life");
    }

    /// <summary>Gets the meter, for tests that listen to this instance only.</summary>
    internal Meter Meter => _meter;

    /// <summary>Counts a launched instance.</summary>
    public void InstanceLaunched(string instanceType, bool spot) => _launched.Add(1, Tags(instanceType, spot));

    /// <summary>Counts a terminated instance.</summary>
    public void InstanceTerminated(string instanceType, bool spot) => _terminated.Add(1, Tags(instanceType, spot));

    /// <summary>Records how long provisioning took.</summary>
    public void RecordProvisionDuration(TimeSpan duration, string instanceType, bool spot) =>
        _provisionDuration.Record(duration.TotalSeconds, Tags(instanceType, spot));

    /// <summary>Records how long the instance took to accept SSH after it was running.</summary>
    public void RecordSshReadyDuration(TimeSpan duration, string instanceType, bool spot) =>
        _sshReadyDuration.Record(duration.TotalSeconds, Tags(instanceType, spot));

    /// <summary>Records an instance's estimated cost in USD, once, when it is gone.</summary>
    public void RecordCost(decimal usd, string instanceType, bool spot) =>
        _cost.Record((double)usd, Tags(instanceType, spot));

    /// <inheritdoc />
    public void Dispose()
    {
        // A factory-made meter belongs to the factory, which disposes it with the host.
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private static KeyValuePair<string, object?>[] Tags(string instanceType, bool spot) =>
        [new(InstanceTypeTag, instanceType), new(SpotTag, spot)];
}
