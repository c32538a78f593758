using AsnBot.Evaluation;
using AsnBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Evaluation;

public sealed class EvaluationItemLabelTests
{
    [Fact]
    public async Task An_item_is_named_by_its_question_in_the_shipped_questionnaires_and_an_unknown_item_keeps_its_code()
    {
        await using var app = new BotApp();
        var labels = app.Services.GetRequiredService<EvaluationItemLabels>();

        Assert.Equal("Fasilitator: penguasaan materi", labels["fasilitator.penguasaan-materi"]);
        Assert.Equal("Penyelenggaraan: sarana dan prasarana (ruang, alat, koneksi daring)", labels["penyelenggara.sarana-prasarana"]);
        Assert.Equal(
            "Apakah peserta sudah menerapkan pengetahuan dan keterampilan dari pelatihan dalam pekerjaan sehari-hari?",
            labels["menerapkan"]);
        Assert.Equal("butir-lama", labels["butir-lama"]);
    }
}
