using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsnBot.Knowledge.Surveys;

internal sealed class NeedsSurveyMapping : IEntityTypeConfiguration<NeedsSurvey>
{
    public void Configure(EntityTypeBuilder<NeedsSurvey> builder)
    {
        builder.ToTable("needs_surveys");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.JobLevel).HasMaxLength(40);
        builder.Property(s => s.Challenge).HasMaxLength(1000);
        builder.Property(s => s.PreferredMode).HasMaxLength(20);
        builder.Property(s => s.Availability).HasMaxLength(40);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.PersonId, s.CompletedAt });
        builder.HasMany(s => s.Ratings).WithOne().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Plan).WithOne().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CompetencyRatingMapping : IEntityTypeConfiguration<CompetencyRating>
{
    public void Configure(EntityTypeBuilder<CompetencyRating> builder)
    {
        builder.ToTable("needs_survey_ratings");
        builder.HasKey(r => new { r.SurveyId, r.CompetencyCode });
        builder.Property(r => r.CompetencyCode).HasMaxLength(10);
        builder.Ignore(r => r.Gap);
    }
}

internal sealed class DevelopmentPlanRowMapping : IEntityTypeConfiguration<DevelopmentPlanRow>
{
    public void Configure(EntityTypeBuilder<DevelopmentPlanRow> builder)
    {
        builder.ToTable("development_plan_rows");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.CompetencyCode).HasMaxLength(10);
        builder.Property(r => r.Path).HasMaxLength(8);
        builder.Property(r => r.TrainingCode).HasMaxLength(40);
        builder.Property(r => r.Provider).HasMaxLength(300);
        builder.Property(r => r.SessionId).HasMaxLength(60);
        builder.Property(r => r.EstimatedBudget).HasPrecision(18, 2);
    }
}
