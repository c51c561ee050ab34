using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;

namespace Acode.Infrastructure.Compute.Ec2;

/// <summary>
/// Creates <see cref="Ec2ComputeTarget"/>s (TargetType <c>ec2</c>). Checks the operating mode first (AC-007: in
/// local-only and airgapped it throws <see cref="ModeViolationException"/> before any AWS client or credential lookup),
/// then validates the configuration. Credentials are resolved and clients created by the target when it prepares,
/// through <see cref="Ec2TargetDependencies.CredentialResolver"/> and <see cref="Ec2TargetDependencies.ClientFactory"/>.
/// </summary>
public sealed class Ec2ComputeTargetFactory : IComputeTargetFactory
{
    private readonly Ec2TargetDependencies _dependencies;

    /// <summary>Initializes a new instance of the <see cref="Ec2ComputeTargetFactory"/> class.</summary>
    public Ec2ComputeTargetFactory(Ec2TargetDependencies dependencies)
    {
        _dependencies = dependencies;
    }

    /// <inheritdoc />
    public string TargetType => Ec2Configuration.Ec2TargetType;

    /// <inheritdoc />
    public Task<IComputeTarget> CreateAsync(ComputeTargetConfiguration configuration, CancellationToken cancellationToken = default)
    {
        IComputeTarget target = Create(configuration as Ec2Configuration
            ?? throw new InvalidConfigurationException($"target: the ec2 factory needs an Ec2Configuration, got {configuration.GetType().Name} ({configuration.TargetType})"));
        return Task.FromResult(target);
    }

    /// <summary>Creates a target with its concrete type (Stop/Start, instance details).</summary>
    /// <exception cref="ModeViolationException">The mode forbids cloud targets.</exception>
    /// <exception cref="Ec2ConfigurationException">The configuration is invalid (every problem listed).</exception>
    public Ec2ComputeTarget Create(Ec2Configuration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _dependencies.ModeValidator.EnsureCloudAllowed(TargetType);
        Ec2ConfigurationValidator.ThrowIfInvalid(configuration);
        return new Ec2ComputeTarget(configuration, _dependencies);
    }
}
