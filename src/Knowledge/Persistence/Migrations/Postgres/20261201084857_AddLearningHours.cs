using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AsnBot.Knowledge.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddLearningHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CompletedAt",
                table: "enrollments",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "enrollments",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "learning_hours",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    LearnedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PathCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Jp = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    SourceRef = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<long>(type: "bigint", nullable: false),
                    ReviewedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_hours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learning_hours_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lesson_results",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ModuleId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    LessonId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CompletedAt = table.Column<long>(type: "bigint", nullable: false),
                    Questions = table.Column<int>(type: "integer", nullable: false),
                    Correct = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lesson_results", x => x.Id);
                    table.ForeignKey(
                        name: "FK_lesson_results_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "module_enrollments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ModuleId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LessonsDone = table.Column<int>(type: "integer", nullable: false),
                    LastLessonOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EnrolledAt = table.Column<long>(type: "bigint", nullable: false),
                    CompletedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_module_enrollments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_module_enrollments_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "quiz_repetitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    LessonId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    StepId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    WrongOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LastAskedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsDone = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quiz_repetitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_quiz_repetitions_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: true),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<long>(type: "bigint", nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_certificates_learning_hours_EntryId",
                        column: x => x.EntryId,
                        principalTable: "learning_hours",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_certificates_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_certificates_EntryId",
                table: "certificates",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_certificates_ExternalId",
                table: "certificates",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_certificates_PersonId_EntryId",
                table: "certificates",
                columns: new[] { "PersonId", "EntryId" });

            migrationBuilder.CreateIndex(
                name: "IX_learning_hours_PersonId_SourceRef",
                table: "learning_hours",
                columns: new[] { "PersonId", "SourceRef" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learning_hours_PersonId_Year",
                table: "learning_hours",
                columns: new[] { "PersonId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_lesson_results_PersonId_LessonId",
                table: "lesson_results",
                columns: new[] { "PersonId", "LessonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_module_enrollments_PersonId_ModuleId",
                table: "module_enrollments",
                columns: new[] { "PersonId", "ModuleId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_module_enrollments_Status",
                table: "module_enrollments",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_quiz_repetitions_PersonId_IsDone_DueOn",
                table: "quiz_repetitions",
                columns: new[] { "PersonId", "IsDone", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_quiz_repetitions_PersonId_LessonId_StepId",
                table: "quiz_repetitions",
                columns: new[] { "PersonId", "LessonId", "StepId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "certificates");

            migrationBuilder.DropTable(
                name: "lesson_results");

            migrationBuilder.DropTable(
                name: "module_enrollments");

            migrationBuilder.DropTable(
                name: "quiz_repetitions");

            migrationBuilder.DropTable(
                name: "learning_hours");

            migrationBuilder.DropColumn(
                name: "CompletedAt",
                table: "enrollments");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "enrollments");
        }
    }
}
