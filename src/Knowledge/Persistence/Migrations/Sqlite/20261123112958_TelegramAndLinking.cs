using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AsnBot.Knowledge.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TelegramAndLinking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "account_link_codes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CodeSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FailedAttempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_link_codes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_account_link_codes_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inbound_cursors",
                columns: table => new
                {
                    Source = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Position = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbound_cursors", x => x.Source);
                });

            migrationBuilder.CreateIndex(
                name: "IX_account_link_codes_PersonId",
                table: "account_link_codes",
                column: "PersonId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_link_codes");

            migrationBuilder.DropTable(
                name: "inbound_cursors");
        }
    }
}
