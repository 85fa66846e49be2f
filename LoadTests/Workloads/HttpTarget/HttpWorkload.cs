using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ceiba.Chaincode.Ehr;
using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Workloads.Clients;
using Ceiba.LoadTests.Workloads.Data;
using Ceiba.LoadTests.Workloads.Flows;

namespace Ceiba.LoadTests.Workloads.HttpTarget;

/// <summary>
/// The <c>http</c> target: the same flows through Gateway.Api. Setup logs in as the API's default admin, creates one
/// doctor account per hospital with a password only this run knows (ids and e-mails carry the run prefix, since the
/// ledger is append-only), logs each doctor in, and preloads a few patients per hospital through the API.
/// </summary>
internal sealed class HttpWorkload : IWorkload
{
    private const int DoctorStream = 10;
    private const int PreloadStream = 11;
    private readonly HttpClient _http;

    private HttpWorkload(IFlowSource flows, IReadOnlyList<string> provinces, string description, HttpClient http, FlowEnvironment environment)
    {
        Flows = flows;
        Provinces = provinces;
        Description = description;
        _http = http;
        Environment = environment;
    }

    public IFlowSource Flows { get; }

    public IReadOnlyList<string> Provinces { get; }

    public string Description { get; }

    internal FlowEnvironment Environment { get; }

    public static async Task<HttpWorkload> CreateAsync(WorkloadRequest request, NetworkLayout layout, IdAllocator ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(layout);
        var baseAddress = request.ApiBaseAddress ?? throw new ArgumentException("target http needs the API's base address (WorkloadRequest.ApiBaseAddress).", nameof(request));
        if (string.IsNullOrEmpty(request.ApiAdminEmail) || string.IsNullOrEmpty(request.ApiAdminPassword))
        {
            throw new ArgumentException("target http needs the API's default admin e-mail and password (WorkloadRequest.ApiAdminEmail, ApiAdminPassword).", nameof(request));
        }

        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        try
        {
            var scenario = request.Scenario;
            var api = new ApiCall(http, scenario.TransactionTimeout);
            var setup = new SetupSink();
            var admin = new HttpEhrClient(layout.Hospitals[0], api, request.ApiAdminEmail, request.ApiAdminPassword);
            await Require(admin.LoginAsync(new StepTiming(setup, null), cancellationToken), setup, $"log in as the API admin {request.ApiAdminEmail}").ConfigureAwait(false);
            var adminToken = admin.CurrentToken ?? throw new InvalidOperationException("Setup: the admin login returned no token.");

            var parallel = new ParallelOptions { MaxDegreeOfParallelism = PreloadPlan.Concurrency, CancellationToken = cancellationToken };
            var clients = new HttpEhrClient[layout.Hospitals.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, clients.Length), parallel, async (h, token) =>
            {
                var hospital = layout.Hospitals[h];
                var (email, password) = await CreateDoctorAsync(api, adminToken, hospital, ids.RunPrefix, SeededRandom.Randomizer(scenario.Seed, h, DoctorStream), setup, token)
                    .ConfigureAwait(false);
                var client = new HttpEhrClient(hospital, api, email, password);
                await Require(client.LoginAsync(new StepTiming(setup, null), token), setup, $"log in as the doctor {email}").ConfigureAwait(false);
                clients[h] = client;
            }).ConfigureAwait(false);

            var environment = new FlowEnvironment(scenario.Seed, clients, new PatientIndex(), ids);
            var perHospital = PreloadPlan.PatientsPerHospital(clients.Length);
            await Parallel.ForEachAsync(Enumerable.Range(0, clients.Length * perHospital), parallel, async (n, token) =>
            {
                var client = clients[n / perHospital];
                var (person, name) = OmopDataGenerator.Person(SeededRandom.Randomizer(scenario.Seed, n, PreloadStream), ids.Next(), client.Hospital);
                await Require(client.CreateAsync(EhrWrite.Of(person), new StepTiming(setup, null), token), setup, "preload a patient").ConfigureAwait(false);
                environment.Patients.Add(new KnownPatient(person.PersonId, name, client.Hospital.Id));
            }).ConfigureAwait(false);

            var flows = WeightedFlowSource.ForMix(scenario.Mix, scenario.Seed, name => FlowCatalog.Create(name, environment));
            var description = $"http: {baseAddress}, {clients.Length} hospitals as clients (doctor accounts created through the API), "
                + $"{environment.Patients.Count} persons preloaded";
            return new HttpWorkload(flows, [.. layout.Orgs.Select(o => o.ProvinceCode).Distinct()], description, http, environment);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<(string Email, string Password)> CreateDoctorAsync(
        ApiCall api, string adminToken, HospitalInfo hospital, long runPrefix, Bogus.Randomizer random, SetupSink setup, CancellationToken cancellationToken)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"lt{runPrefix}.{hospital.Id}");
        var email = string.Create(CultureInfo.InvariantCulture, $"lt{runPrefix}.{hospital.Id}@loadtests.ceiba.local");
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        var doctor = OmopDataGenerator.Doctor(random, id, email, passwordHash: null!, hospital);
        var body = JsonNode.Parse(JsonSerializer.Serialize(doctor, EhrJsonContext.Default.Doctor))!.AsObject();
        body["password"] = password;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        var created = await api.SendAsync(() => HttpEhrClient.Post("/api/doctors", bytes), "POST /api/doctors", true, hospital.Province, adminToken,
            new StepTiming(setup, null), cancellationToken).ConfigureAwait(false);
        return created is not null ? (email, password) : throw new InvalidOperationException($"Setup: creating doctor {email} through the API failed: {setup.LastError}");
    }

    private static async Task Require(Task<bool> step, SetupSink setup, string what)
    {
        if (!await step.ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Setup: could not {what}: {setup.LastError}");
        }
    }

    /// <summary>Keeps the last setup error for the exception message; setup is never measured.</summary>
    private sealed class SetupSink : IMetricsSink
    {
        public string? LastError { get; private set; }

        public void Record(in TransactionSample sample)
        {
            if (sample.Failure != FailureKind.None)
            {
                LastError = $"{sample.Type}: {sample.Failure}: {sample.Error}";
            }
        }

        public void RecordStage(string stage, string type, string province, long intendedTimestamp, TimeSpan latency)
        {
        }
    }
}
