using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AsnBot.Knowledge.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutboxPartialIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_BroadcastId_Status",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_Channel_Status_NotBefore",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_DedupeKey",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_Status_ClaimedAt",
                table: "outbox_messages");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_BroadcastId_PersonId",
                table: "outbox_messages",
                columns: new[] { "BroadcastId", "PersonId" },
                unique: true,
                filter: "\"BroadcastId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_Channel_NotBefore_Id",
                table: "outbox_messages",
                columns: new[] { "Channel", "NotBefore", "Id" },
                filter: "\"Status\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_ClaimedAt",
                table: "outbox_messages",
                column: "ClaimedAt",
                filter: "\"Status\" = 'Sending'");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_DedupeKey",
                table: "outbox_messages",
                column: "DedupeKey",
                unique: true,
                filter: "\"BroadcastId\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_BroadcastId_PersonId",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_Channel_NotBefore_Id",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_ClaimedAt",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_DedupeKey",
                table: "outbox_messages");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_BroadcastId_Status",
                table: "outbox_messages",
                columns: new[] { "BroadcastId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_Channel_Status_NotBefore",
                table: "outbox_messages",
                columns: new[] { "Channel", "Status", "NotBefore" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_DedupeKey",
                table: "outbox_messages",
                column: "DedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_Status_ClaimedAt",
                table: "outbox_messages",
                columns: new[] { "Status", "ClaimedAt" });
        }
    }
}
