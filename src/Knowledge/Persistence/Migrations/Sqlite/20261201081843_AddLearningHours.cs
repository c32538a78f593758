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

            migrationBuilder.CreateIndex(
                name: "IX_learning_hours_PersonId_SourceRef",
                table: "learning_hours",
                columns: new[] { "PersonId", "SourceRef" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learning_hours_PersonId_Year",
                table: "learning_hours",
                columns: new[] { "PersonId", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
