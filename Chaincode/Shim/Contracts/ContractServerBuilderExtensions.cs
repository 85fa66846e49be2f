using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ceiba.Chaincode.Shim.Contracts;

/// <summary>Hosts contracts in a <see cref="ChaincodeServer"/>.</summary>
public static class ContractServerBuilderExtensions
{
    /// <summary>
    /// Serves the contracts through a <see cref="ContractRouter"/>; the first contract is the default
    /// unless one says <see cref="ContractAttribute.IsDefault"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// var builder = ChaincodeServer.CreateBuilder(args);
    /// builder.UseContracts(new EhrContract());
    /// await using var server = builder.Build();
    /// await server.RunAsync();
    /// </code>
    /// </example>
    /// <param name="builder">The server builder.</param>
    /// <param name="contracts">The contracts, at least one.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">A contract is not well defined (checked here, before the server starts).</exception>
    public static ChaincodeServerBuilder UseContracts(this ChaincodeServerBuilder builder, params ContractBase[] contracts)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(contracts);

        // Inspect now, so a badly defined contract stops the process before it registers with a peer.
        _ = new ContractRouter(contracts);
        builder.Services.AddSingleton<IChaincode>(
            services => new ContractRouter(contracts, services.GetRequiredService<ILogger<ContractRouter>>()));
        return builder;
    }
}
