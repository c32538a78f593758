using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AsnBot.Knowledge.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "enrollments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "learning_hours",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    LearnedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PathCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Jp = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    SourceRef = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModuleId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    LessonId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Questions = table.Column<int>(type: "INTEGER", nullable: false),
                    Correct = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModuleId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LessonsDone = table.Column<int>(type: "INTEGER", nullable: false),
                    LastLessonOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EnrolledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LessonId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    StepId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    WrongOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastAskedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsDone = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true)
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
