using System.Diagnostics.Metrics;
using Acode.Application.Compute;
using Acode.Application.Compute.Ec2.Cost;
using Acode.Domain.Compute;
using Acode.Infrastructure.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Metrics;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;

namespace Acode.IntegrationTests.Ec2.Target;

/// <summary>
/// Teardown depends on the EC2 API alone: with each collaborator that runs beside the lifecycle made to throw (the cost
/// arithmetic, the ledger, the event publisher, an event subscriber, a metrics listener), a full run against the
/// emulator still prepares, runs its command, tears down without an error, and leaves no instance, security group or
/// key pair; each failure is a logged warning.
/// </summary>
public sealed class Ec2TeardownIsolationTests(Ec2EmulatorFixture fixture) : IClassFixture<Ec2EmulatorFixture>
{
    public enum Collaborator
    {
        /// <summary>A live list price so absurd that every cost figure overflows.</summary>
        Pricing,

        /// <summary>A ledger whose every write throws.</summary>
        Ledger,

        /// <summary>An event publisher that throws on every event.</summary>
        EventPublisher,

        /// <summary>A user's subscriber to every event that throws.</summary>
        EventHandler,

        /// <summary>A metrics listener that throws on every measurement.</summary>
        Metrics,
    }

    [Theory]
    [InlineData(Collaborator.Pricing, "computing the cost of")]
    [InlineData(Collaborator.Ledger, null)]
    [InlineData(Collaborator.EventPublisher, "publishing Ec2InstanceTerminatingEvent")]
    [InlineData(Collaborator.EventHandler, "publishing Ec2InstanceTerminatingEvent")]
    [InlineData(Collaborator.Metrics, "recording the termination of")]
    public async Task A_throwing_collaborator_changes_neither_the_run_nor_its_teardown(Collaborator collaborator, string? teardownWarning)
    {
        using var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Warning));
        var events = new InMemoryEventPublisher();
        var ledger = new ThrowingLedger();
        var scope = new object();
        using var meters = new ScopedMeterFactory(scope);
        using var listener = ThrowingListener(scope);
        var dependencies = fixture.Dependencies(events, loggers) with { CostLedger = ledger };
        var configuration = fixture.Configuration();
        using var subscription = collaborator == Collaborator.EventHandler
            ? events.Subscribe<object>((_, _) => throw new InvalidOperationException("subscriber broke"))
            : null;

        (dependencies, configuration) = collaborator switch
        {
            // Outside the offline catalogue, so the (absurd) live list price is the one used.
            Collaborator.Pricing => (dependencies with { ListPrices = new AbsurdListPrices() }, configuration with { Region = "eu-central-1" }),
            Collaborator.EventPublisher => (dependencies with { Events = new ThrowingPublisher() }, configuration),
            Collaborator.Metrics => (dependencies with { Metrics = new Ec2Metrics(meters) }, configuration),
            _ => (dependencies, configuration),
        };
        var target = new Ec2ComputeTargetFactory(dependencies).Create(configuration);

        await using (target)
        {
            await target.PrepareAsync(new WorkspaceContext());
            var result = await target.ExecuteAsync("echo still-fine");
            Assert.Equal((0, "still-fine\n"), (result.ExitCode, result.Stdout));
            var warningsBeforeTeardown = logs.Lines.Count;

            await target.TeardownAsync();

            Assert.Equal(ComputeTargetState.Terminated, target.State);
            var teardownLines = logs.Lines.Skip(warningsBeforeTeardown).ToList();
            if (teardownWarning is not null)
            {
                Assert.Contains(teardownLines, l => l.Contains("Ec2ObservationFailed", StringComparison.Ordinal) && l.Contains(teardownWarning, StringComparison.Ordinal));
            }
        }

        await AssertNothingLeftAsync(configuration.Region, target.SessionId);
        if (collaborator == Collaborator.Ledger)
        {
            Assert.True(ledger.Attempts > 0, "the ledger was never written to");
        }
    }

    private async Task AssertNothingLeftAsync(string region, string sessionId)
    {
        using var ec2 = new AmazonEC2Client(new BasicAWSCredentials("test", "test"), new AmazonEC2Config { ServiceURL = fixture.Emulator.ServiceUrl.ToString(), AuthenticationRegion = region });
        var session = new Filter("tag:acode:session", [sessionId]);
        var instances = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [session, new Filter("instance-state-name", ["pending", "running", "stopping", "stopped"])] });
        Assert.Empty(instances.Reservations?.SelectMany(r => r.Instances ?? []) ?? []);
        Assert.Empty((await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [session] })).SecurityGroups ?? []);
        Assert.Empty((await ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { Filters = [session] })).KeyPairs ?? []);
    }

    private static MeterListener ThrowingListener(object scope)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, scope))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, _, _) => throw new InvalidOperationException("metrics exporter broke"));
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => throw new InvalidOperationException("metrics exporter broke"));
        listener.Start();
        return listener;
    }

    private sealed class ScopedMeterFactory(object scope) : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = scope });
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }

    private sealed class ThrowingLedger : IEc2CostLedger
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        public Task RecordAsync(IReadOnlyList<Ec2CostRecord> records, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _attempts);
            throw new IOException("ledger disk full");
        }

        public Task<IReadOnlyList<Ec2CostRecord>> ReadAllAsync(CancellationToken cancellationToken = default) => throw new IOException("ledger disk full");
    }

    private sealed class ThrowingPublisher : IEventPublisher
    {
        public Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default)
            where TEvent : notnull => throw new InvalidOperationException("event bus down");

        public IDisposable Subscribe<TEvent>(Func<TEvent, CancellationToken, Task> handler)
            where TEvent : notnull => throw new InvalidOperationException("event bus down");
    }

    private sealed class AbsurdListPrices : IEc2ListPriceSource
    {
        public Task<decimal?> GetOnDemandHourlyAsync(string instanceType, string region, CancellationToken cancellationToken = default) =>
            Task.FromResult<decimal?>(0.05m);

        public Task<decimal?> GetEbsGbMonthAsync(string volumeType, string region, CancellationToken cancellationToken = default) =>
            Task.FromResult<decimal?>(decimal.MaxValue);
    }
}
