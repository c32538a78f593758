using System.Globalization;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Privacy;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Conversations.Actions;

/// <summary>
/// Saves the registration answers as the person's profile, links the channel address they
/// wrote from, and keeps the proof of consent. A NIP held by someone else is never taken
/// over silently: the person is told and asked again, or sent to <c>when_nip_taken</c>
/// (where the dialog offers linking with a one-time code).
/// </summary>
public sealed class SaveProfileAction : IDialogAction
{
    public string Name => "save-profile";

    /// <summary>Compiled: every registration ends here, and the query's translation would otherwise be looked up each time.</summary>
    private static readonly PerModel<Func<AsnBotDbContext, string, CancellationToken, Task<Person?>>> HolderOf = new(() =>
        EF.CompileAsyncQuery((AsnBotDbContext db, string nip, CancellationToken _) => db.Set<Person>().FirstOrDefault(p => p.Nip == nip)));

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var db = context.Db;
        var nip = context.Answer("nip");
        var holder = await HolderOf.For(db)(db, nip, cancellationToken).ConfigureAwait(false);
        if (holder is not null && holder.Id != context.PersonId && context.Arg("when_nip_taken") is { Length: > 0 } offerLink)
            return ActionOutcome.GoTo(offerLink);
        if (holder is not null && holder.Id != context.PersonId)
            return ActionOutcome.GoTo(context.Arg("nip_step") is { Length: > 0 } step ? step : "nip", new Reply(context.Arg("nip_taken")));

        // Someone correcting their own profile usually keeps their NIP: the holder found is then the person.
        var person = context.PersonId is { } id
            ? holder ?? await db.Set<Person>().FirstAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false)
            : null;
        var isNew = person is null;
        person ??= new Person
        {
            Nip = nip, FullName = "", Agency = "", Unit = "", Position = "", JobLevel = "", Province = "", City = "",
            RegisteredAt = context.Now,
        };
        person.Nip = nip;
        person.FullName = context.Answer("name");
        person.Agency = context.Answer("agency");
        person.Unit = context.Answer("unit");
        person.Position = context.Answer("position");
        person.JobLevel = context.Answer("job_level");
        person.Province = context.Answer("province");
        person.City = context.Answer("city");
        person.TimeZone = Enum.TryParse<IndonesianTimeZone>(context.Answer("time_zone"), out var zone) ? zone : IndonesianTimeZone.WIB;
        person.LessonHour = int.TryParse(context.Answer("lesson_hour"), CultureInfo.InvariantCulture, out var hour) ? hour : 8;
        person.UpdatedAt = context.Now;

        if (isNew)
        {
            // Every registration ends here: its four new rows are written as they are, without
            // EF Core's change tracking, which cost several times the inserts (see ModelRows).
            await ModelRows.InsertAsync(db, person, cancellationToken).ConfigureAwait(false);
            await ModelRows.InsertAsync(db, new ChannelAccount { PersonId = person.Id, Channel = context.User.Channel, Address = context.User.Address, LinkedAt = context.Now }, cancellationToken).ConfigureAwait(false);
            await ModelRows.InsertAsync(db, new ConsentRecord
            {
                PersonId = person.Id,
                TextVersion = context.Answer("consent_version"),
                TextSha256 = context.Answer("consent_sha256"),
                Channel = context.User.Channel,
                GivenAt = long.TryParse(context.Answer("consent_at"), CultureInfo.InvariantCulture, out var ticks)
                    ? new DateTimeOffset(ticks, TimeSpan.Zero)
                    : context.Now,
            }, cancellationToken).ConfigureAwait(false);
            await ModelRows.InsertAsync(db, PersonalData.Entry(person.Id, "AsnBot", "Persetujuan diberikan dan profil disimpan saat pendaftaran", context.Now), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            PersonalData.Log(db, person.Id, "Anda", "Profil diperbarui", context.Now);
        }
        context.PersonId = person.Id;
        return ActionOutcome.Continue;
    }
}
