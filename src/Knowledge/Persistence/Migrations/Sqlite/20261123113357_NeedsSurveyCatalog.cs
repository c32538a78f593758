using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AsnBot.Knowledge.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NeedsSurveyCatalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "needs_surveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JobLevel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Challenge = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PreferredMode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Availability = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs_surveys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_needs_surveys_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "trainings",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Jp = table.Column<int>(type: "INTEGER", nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    HasCertificate = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trainings", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "development_plan_rows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurveyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompetencyCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Gap = table.Column<int>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    TrainingCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PlannedStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SessionId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_development_plan_rows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_development_plan_rows_needs_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "needs_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "needs_survey_ratings",
                columns: table => new
                {
                    SurveyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompetencyCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CurrentLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    RequiredLevel = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs_survey_ratings", x => new { x.SurveyId, x.CompetencyCode });
                    table.ForeignKey(
                        name: "FK_needs_survey_ratings_needs_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "needs_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "training_competencies",
                columns: table => new
                {
                    TrainingCode = table.Column<string>(type: "TEXT", nullable: false),
                    CompetencyCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_competencies", x => new { x.TrainingCode, x.CompetencyCode });
                    table.ForeignKey(
                        name: "FK_training_competencies_trainings_TrainingCode",
                        column: x => x.TrainingCode,
                        principalTable: "trainings",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "training_sessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    TrainingCode = table.Column<string>(type: "TEXT", nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Province = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    IsOnline = table.Column<bool>(type: "INTEGER", nullable: false),
                    Quota = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_training_sessions_trainings_TrainingCode",
                        column: x => x.TrainingCode,
                        principalTable: "trainings",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enrollments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainingCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SessionId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrollments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enrollments_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_enrollments_training_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "training_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_enrollments_trainings_TrainingCode",
                        column: x => x.TrainingCode,
                        principalTable: "trainings",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_development_plan_rows_SurveyId",
                table: "development_plan_rows",
                column: "SurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_enrollments_PersonId_TrainingCode",
                table: "enrollments",
                columns: new[] { "PersonId", "TrainingCode" });

            migrationBuilder.CreateIndex(
                name: "IX_enrollments_SessionId",
                table: "enrollments",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_enrollments_TrainingCode",
                table: "enrollments",
                column: "TrainingCode");

            migrationBuilder.CreateIndex(
                name: "IX_needs_surveys_PersonId_CompletedAt",
                table: "needs_surveys",
                columns: new[] { "PersonId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_training_sessions_Start",
                table: "training_sessions",
                column: "Start");

            migrationBuilder.CreateIndex(
                name: "IX_training_sessions_TrainingCode",
                table: "training_sessions",
                column: "TrainingCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "development_plan_rows");

            migrationBuilder.DropTable(
                name: "enrollments");

            migrationBuilder.DropTable(
                name: "needs_survey_ratings");

            migrationBuilder.DropTable(
                name: "training_competencies");

            migrationBuilder.DropTable(
                name: "training_sessions");

            migrationBuilder.DropTable(
                name: "needs_surveys");

            migrationBuilder.DropTable(
                name: "trainings");
        }
    }
}
