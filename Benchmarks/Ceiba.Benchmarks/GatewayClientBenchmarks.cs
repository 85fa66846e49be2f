using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Ceiba.Network.Msp;

namespace Ceiba.Benchmarks;

// Inside the namespace: otherwise "Gateway" would find the namespace Ceiba.Gateway before this using.
using Ceiba.Gateway.Client;

/// <summary>
/// The gateway client's CPU per submitted transaction, without the network: build and sign the proposal, read the
/// endorsed result and sign the envelope, build and sign the commit status request (three ECDSA P-256 signatures),
/// with request marshalling and response unmarshalling through an in-memory call invoker. Target: ≤ 0.1 ms.
/// </summary>
[MemoryDiagnoser]
public class GatewayClientBenchmarks : IDisposable
{
    private static readonly ProposalOptions Arguments = ProposalOptions.FromArguments("p-1", "{\"person_id\":\"p-1\",\"gender_concept_id\":8532,\"year_of_birth\":1985}");

    private CertificateAuthority _ca = null!;
    private Credential _client = null!;
    private Credential _peer = null!;
    private SigningIdentity _identity = null!;
    private Contract _contract = null!;
    private byte[] _digest = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ca = CertificateAuthority.CreateRoot("ca.habana.ceiba.local", "habana.ceiba.local");
        _client = _ca.IssueIdentity("User1@habana.ceiba.local", NodeOURole.Client);
        _peer = _ca.IssueIdentity("peer0.habana.ceiba.local", NodeOURole.Peer);
        _identity = SigningIdentity.FromCredential("HabanaMSP", _client);
        var peer = SigningIdentity.FromCredential("HabanaMSP", _peer);
        var identity = Identity.FromSigningIdentity(_identity);

        var template = Gateway.Connect(identity, null, new InMemoryGatewayInvoker([]))
            .GetNetwork("ehr").GetContract("omop").NewProposal("CreatePerson", Arguments);
        var invoker = new InMemoryGatewayInvoker(CannedEndorsement.For(template.Bytes, peer));
        _contract = Gateway.Connect(identity, _identity.Signer, invoker).GetNetwork("ehr").GetContract("omop");
        _digest = SHA256.HashData("a proposal"u8);
    }

    /// <summary>One ECDSA P-256 signature over a digest: the floor of each stage's cost.</summary>
    [Benchmark]
    public byte[] OneSignature() => _identity.Sign(_digest);

    /// <summary>A new proposal (nonce, txid, headers, payload), unsigned: the protobuf and hashing share of stage 1.</summary>
    [Benchmark]
    public string BuildProposal() => _contract.NewProposal("CreatePerson", Arguments).TransactionId;

    /// <summary>Stage 1 alone: a new proposal (nonce, txid, headers, payload) signed.</summary>
    [Benchmark]
    public string BuildAndSignProposal()
    {
        var proposal = _contract.NewProposal("CreatePerson", Arguments);
        proposal.Sign();
        return proposal.TransactionId;
    }

    /// <summary>A whole submitted transaction: proposal, endorse, result, envelope signature, submit, commit status request.</summary>
    [Benchmark(Baseline = true)]
    public async Task<byte[]> SubmitTransaction()
    {
        var transaction = await _contract.NewProposal("CreatePerson", Arguments).EndorseAsync();
        var submitted = await transaction.SubmitAsync();
        var status = await submitted.GetStatusAsync();
        return status.Successful ? submitted.Result : [];
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _client.Dispose();
        _peer.Dispose();
        _ca.Dispose();
        GC.SuppressFinalize(this);
    }
}
