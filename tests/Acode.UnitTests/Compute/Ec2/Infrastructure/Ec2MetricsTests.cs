using System.Diagnostics.Metrics;
using Acode.Infrastructure.Compute.Ec2.Metrics;

namespace Acode.UnitTests.Compute.Ec2.Infrastructure;

public sealed class Ec2MetricsTests : IDisposable
{
    private readonly Ec2Metrics _metrics = new();
    private readonly MeterListener _listener = new();
    private readonly List<(string Name, double Value, string? Type, object? Spot)> _measurements = [];

    public Ec2MetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Other tests may own meters of the same name at the same time: listen only to this test's instance.
            if (instrument.Meter.Name == Ec2Metrics.MeterName && ReferenceEquals(instrument.Meter, MeterOf(_metrics)))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i.Name, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i.Name, v, tags));
        _listener.Start();
    }

    [Fact]
    public void Every_instrument_reports_with_type_and_spot_tags()
    {
        _metrics.InstanceLaunched("t3.micro", spot: true);
        _metrics.InstanceTerminated("t3.micro", spot: false);
        _metrics.RecordProvisionDuration(TimeSpan.FromSeconds(42.5), "c7i.large", spot: false);
        _metrics.RecordSshReadyDuration(TimeSpan.FromMilliseconds(1500), "c7i.large", spot: false);
        _metrics.RecordCost(0.0123m, "g5.xlarge", spot: true);

        Assert.Equal(
            [
                ("acode.ec2.instances.launched", 1d, "t3.micro", true),
                ("acode.ec2.instances.terminated", 1d, "t3.micro", false),
                ("acode.ec2.provision.duration", 42.5, "c7i.large", false),
                ("acode.ec2.ssh_ready.duration", 1.5, "c7i.large", false),
                ("acode.ec2.instance.cost", 0.0123, "g5.xlarge", true),
            ],
            _measurements.Select(m => (m.Name, m.Value, m.Type, m.Spot)));
    }

    [Fact]
    public void Instruments_carry_units()
    {
        var meter = MeterOf(_metrics);
        using var probe = new MeterListener();
        var units = new Dictionary<string, string?>();
        probe.InstrumentPublished = (instrument, _) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                units[instrument.Name] = instrument.Unit;
            }
        };
        probe.Start();

        Assert.Equal("s", units["acode.ec2.provision.duration"]);
        Assert.Equal("USD", units["acode.ec2.instance.cost"]);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _metrics.Dispose();
    }

    private static Meter MeterOf(Ec2Metrics metrics) => metrics.Meter;

    private void Record(string name, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? type = null;
        object? spot = null;
        foreach (var tag in tags)
        {
            if (tag.Key == Ec2Metrics.InstanceTypeTag)
            {
                type = (string?)tag.Value;
            }
            else if (tag.Key == Ec2Metrics.SpotTag)
            {
                spot = tag.Value;
            }
        }

        _measurements.Add((name, value, type, spot));
    }
}
