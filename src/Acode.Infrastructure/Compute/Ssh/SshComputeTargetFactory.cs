using Acode.Application.Compute;
using Acode.Application.Compute.Ssh;
using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ssh;

/// <summary>Creates <see cref="SshComputeTarget"/>s from <see cref="SshTargetConfiguration"/>.</summary>
public sealed class SshComputeTargetFactory : IComputeTargetFactory
{
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory? _loggerFactory;

    public SshComputeTargetFactory(TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
    {
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory;
    }

    /// <inheritdoc />
    public string TargetType => SshTargetConstants.TargetType;

    /// <inheritdoc />
    public Task<IComputeTarget> CreateAsync(ComputeTargetConfiguration configuration, CancellationToken cancellationToken = default)
    {
        if (configuration is not SshTargetConfiguration ssh)
        {
            throw new InvalidConfigurationException($"target: the ssh factory needs an SshTargetConfiguration, got {configuration.GetType().Name} ({configuration.TargetType})");
        }

        IComputeTarget target = new SshComputeTarget(ssh, _timeProvider, _loggerFactory?.CreateLogger<SshComputeTarget>());
        return Task.FromResult(target);
    }
}
