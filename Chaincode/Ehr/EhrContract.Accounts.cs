using Ceiba.Chaincode.Ehr.Access;
using Ceiba.Chaincode.Ehr.Models;
using Ceiba.Chaincode.Ehr.Storage;
using Ceiba.Chaincode.Ehr.Validation;
using Ceiba.Chaincode.Shim.Contracts;

namespace Ceiba.Chaincode.Ehr;

/// <content>Admin and doctor accounts: admins only. E-mails are unique per account type.</content>
public sealed partial class EhrContract
{
    /// <summary>Creates an admin account (409 when the id or e-mail is taken).</summary>
    /// <param name="context">The transaction context; the caller must be an admin.</param>
    /// <param name="admin">The account, with the password already hashed by the gateway.</param>
    /// <returns>A task that completes when the account is written.</returns>
    [Transaction]
    public async Task CreateAdminAsync(EhrContext context, Admin admin)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Require(Role.Admin);
        AccountRules.Validate(admin);
        await CreateAccountAsync(context, RecordKinds.Admin, RecordKinds.AdminEmailIndex, admin, admin.Email!).ConfigureAwait(false);
    }

    /// <summary>Creates a doctor account (409 when the id or e-mail is taken).</summary>
    /// <param name="context">The transaction context; the caller must be an admin.</param>
    /// <param name="doctor">The account, with the password already hashed by the gateway.</param>
    /// <returns>A task that completes when the account is written.</returns>
    [Transaction]
    public async Task CreateDoctorAsync(EhrContext context, Doctor doctor)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Require(Role.Admin);
        AccountRules.Validate(doctor);
        await CreateAccountAsync(context, RecordKinds.Doctor, RecordKinds.DoctorEmailIndex, doctor, doctor.Email!).ConfigureAwait(false);
    }

    /// <summary>Reads an admin account, without its password hash (404 when missing).</summary>
    /// <param name="context">The transaction context; the caller must be an admin.</param>
    /// <param name="adminId">The account id.</param>
    /// <returns>The account.</returns>
    [Transaction(Intent = TransactionIntent.Evaluate)]
    public Task<Admin> GetAdminAsync(EhrContext context, string adminId) => GetAccountAsync(context, RecordKinds.Admin, adminId);

    /// <summary>Reads a doctor account, without its password hash (404 when missing).</summary>
    /// <param name="context">The transaction context; the caller must be an admin.</param>
    /// <param name="doctorId">The account id.</param>
    /// <returns>The account.</returns>
    [Transaction(Intent = TransactionIntent.Evaluate)]
    public Task<Doctor> GetDoctorAsync(EhrContext context, string doctorId) => GetAccountAsync(context, RecordKinds.Doctor, doctorId);

    /// <summary>The login lookup: an admin account by e-mail, with its password hash (404 when missing).</summary>
    /// <param name="context">The transaction context; the caller (the gateway's service identity) must be an admin.</param>
    /// <param name="email">The e-mail, compared case-insensitively.</param>
    /// <returns>The account with its password hash.</returns>
    [Transaction(Intent = TransactionIntent.Evaluate)]
    public Task<Admin> GetAdminByEmailAsync(EhrContext context, string email) =>
        GetByEmailAsync(context, RecordKinds.Admin, RecordKinds.AdminEmailIndex, email);

    /// <summary>The login lookup: a doctor account by e-mail, with its password hash (404 when missing).</summary>
    /// <param name="context">The transaction context; the caller (the gateway's service identity) must be an admin.</param>
    /// <param name="email">The e-mail, compared case-insensitively.</param>
    /// <returns>The account with its password hash.</returns>
    [Transaction(Intent = TransactionIntent.Evaluate)]
    public Task<Doctor> GetDoctorByEmailAsync(EhrContext context, string email) =>
        GetByEmailAsync(context, RecordKinds.Doctor, RecordKinds.DoctorEmailIndex, email);

    /// <summary>One page of admin accounts in id order, without password hashes.</summary>
    /// <param name="context">The transaction context; the caller must be an admin.</param>
    /// <param name="pageSize">1 to <see cref="MaxPageSize"/>.</param>
    /// <param name="bookmark">The previous page's bookmark, or empty for the first page.</param>
    /// <returns>The page.</returns>
    [Transaction(Intent = TransactionIntent.Evaluate)]
    public Task<RecordPage<Admin>> ListAdminsAsync(EhrContext context, int pageSize, string bookmark = "") =>
        ListAsync(context, RecordKinds.Admin, pageSize, bookmark);

    /// <summary>One page of doctor accounts in id order, without password hashes.</summary>
    /// <param name="context">The transaction context; the caller must be an admin.</param>
    /// <param name="pageSize">1 to <see cref="MaxPageSize"/>.</param>
    /// <param name="bookmark">The previous page's bookmark, or empty for the first page.</param>
    /// <returns>The page.</returns>
    [Transaction(Intent = TransactionIntent.Evaluate)]
    public Task<RecordPage<Doctor>> ListDoctorsAsync(EhrContext context, int pageSize, string bookmark = "") =>
        ListAsync(context, RecordKinds.Doctor, pageSize, bookmark);

    private static async Task CreateAccountAsync<T>(EhrContext context, RecordKind<T> kind, string emailIndex, T account, string email)
    {
        var store = new RecordStore(context.Stub);
        var id = kind.IdOf(account);
        await RequireNewAsync(store, kind, id).ConfigureAwait(false);
        var normalized = TextRules.NormalizeEmail(email);
        if (await store.FindByEmailAsync(emailIndex, normalized).ConfigureAwait(false) is { } holder)
        {
            throw new ChaincodeException(ChaincodeStatus.Conflict, $"The e-mail {email} is already used by {kind.ObjectType} {holder}.");
        }

        await store.PutAsync(kind, account).ConfigureAwait(false);
        await store.IndexEmailAsync(emailIndex, normalized, id).ConfigureAwait(false);
        EmitCreated(context, kind, id, personId: null);
    }

    private static async Task<T> GetAccountAsync<T>(EhrContext context, RecordKind<T> kind, string id)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Require(Role.Admin);
        return kind.Public(await new RecordStore(context.Stub).GetAsync(kind, id).ConfigureAwait(false));
    }

    private static async Task<T> GetByEmailAsync<T>(EhrContext context, RecordKind<T> kind, string emailIndex, string email)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Require(Role.Admin);
        var store = new RecordStore(context.Stub);
        var normalized = TextRules.NormalizeEmail(email);
        var id = normalized.Length == 0 || normalized.Any(c => c == '\0' || char.IsSurrogate(c))
            ? null
            : await store.FindByEmailAsync(emailIndex, normalized).ConfigureAwait(false);
        return id is null
            ? throw new ChaincodeException(ChaincodeStatus.NotFound, $"No {kind.ObjectType} has the e-mail {email}.")
            : await store.GetAsync(kind, id).ConfigureAwait(false);
    }

    private static async Task<RecordPage<T>> ListAsync<T>(EhrContext context, RecordKind<T> kind, int pageSize, string bookmark)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Require(kind.ReaderRole);
        RequirePageSize(pageSize);
        return await new RecordStore(context.Stub).ListAsync(kind, pageSize, bookmark).ConfigureAwait(false);
    }
}
