using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AsnBot.Knowledge.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddEvaluationAndMentoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "change_projects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainingCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_change_projects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_change_projects_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evaluation_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrollmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainingCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecipientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reminders = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Score = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluation_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_evaluation_requests_enrollments_EnrollmentId",
                        column: x => x.EnrollmentId,
                        principalTable: "enrollments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_evaluation_requests_people_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learning_gains",
                columns: table => new
                {
                    EnrollmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainingCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PreScore = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    PostScore = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    Gain = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_gains", x => x.EnrollmentId);
                    table.ForeignKey(
                        name: "FK_learning_gains_enrollments_EnrollmentId",
                        column: x => x.EnrollmentId,
                        principalTable: "enrollments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mentoring_pairs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MentorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MenteeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EveryDays = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstSessionOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CoordinatorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mentoring_pairs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mentoring_pairs_people_CoordinatorId",
                        column: x => x.CoordinatorId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_mentoring_pairs_people_MenteeId",
                        column: x => x.MenteeId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_mentoring_pairs_people_MentorId",
                        column: x => x.MentorId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "change_project_milestones",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_change_project_milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_change_project_milestones_change_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "change_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evaluation_answers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluation_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_evaluation_answers_evaluation_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "evaluation_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mentoring_escalations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PairId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mentoring_escalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mentoring_escalations_mentoring_pairs_PairId",
                        column: x => x.PairId,
                        principalTable: "mentoring_pairs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mentoring_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PairId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ScheduledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AgreedAction = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    MenteePractice = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mentoring_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mentoring_sessions_mentoring_pairs_PairId",
                        column: x => x.PairId,
                        principalTable: "mentoring_pairs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_change_project_milestones_ProjectId_Number",
                table: "change_project_milestones",
                columns: new[] { "ProjectId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_change_projects_PersonId",
                table: "change_projects",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_evaluation_answers_RequestId_Item",
                table: "evaluation_answers",
                columns: new[] { "RequestId", "Item" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_evaluation_requests_EnrollmentId_Level_Role",
                table: "evaluation_requests",
                columns: new[] { "EnrollmentId", "Level", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_evaluation_requests_RecipientId_Status",
                table: "evaluation_requests",
                columns: new[] { "RecipientId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_evaluation_requests_Status_DueAt",
                table: "evaluation_requests",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_evaluation_requests_TrainingCode",
                table: "evaluation_requests",
                column: "TrainingCode");

            migrationBuilder.CreateIndex(
                name: "IX_learning_gains_TrainingCode",
                table: "learning_gains",
                column: "TrainingCode");

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_escalations_PairId_SessionNumber",
                table: "mentoring_escalations",
                columns: new[] { "PairId", "SessionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_pairs_CoordinatorId",
                table: "mentoring_pairs",
                column: "CoordinatorId");

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_pairs_MenteeId_IsActive",
                table: "mentoring_pairs",
                columns: new[] { "MenteeId", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_pairs_MentorId_IsActive",
                table: "mentoring_pairs",
                columns: new[] { "MentorId", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_sessions_PairId_Number",
                table: "mentoring_sessions",
                columns: new[] { "PairId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "change_project_milestones");

            migrationBuilder.DropTable(
                name: "evaluation_answers");

            migrationBuilder.DropTable(
                name: "learning_gains");

            migrationBuilder.DropTable(
                name: "mentoring_escalations");

            migrationBuilder.DropTable(
                name: "mentoring_sessions");

            migrationBuilder.DropTable(
                name: "change_projects");

            migrationBuilder.DropTable(
                name: "evaluation_requests");

            migrationBuilder.DropTable(
                name: "mentoring_pairs");
        }
    }
}
