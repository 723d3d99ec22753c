using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Transcripts.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Privacy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CreatedReason",
                table: "ShareLinks",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxOpens",
                table: "ShareLinks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "OpenCount",
                table: "ShareLinks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "ChainSequence",
                table: "Disclosures",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Mac",
                table: "Disclosures",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousMac",
                table: "Disclosures",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PageTakenDownAt",
                table: "Credentials",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ChainSequence",
                table: "AuditEvents",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Mac",
                table: "AuditEvents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousMac",
                table: "AuditEvents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdateReason",
                table: "Assessments",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                table: "Assessments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "UpdatedByKeyId",
                table: "Assessments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ExpiresAt",
                table: "ApiKeys",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastUsedAt",
                table: "ApiKeys",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CredentialPolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    LearnerIdentifier = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IncludeEvidenceNarratives = table.Column<bool>(type: "boolean", nullable: false),
                    IncludeExplanation = table.Column<bool>(type: "boolean", nullable: false),
                    RowVersion = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CredentialPolicies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CredentialPolicies_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_InstitutionId_ChainSequence",
                table: "Disclosures",
                columns: new[] { "InstitutionId", "ChainSequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_InstitutionId_ChainSequence",
                table: "AuditEvents",
                columns: new[] { "InstitutionId", "ChainSequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CredentialPolicies_InstitutionId",
                table: "CredentialPolicies",
                column: "InstitutionId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CredentialPolicies");

            migrationBuilder.DropIndex(
                name: "IX_Disclosures_InstitutionId_ChainSequence",
                table: "Disclosures");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_InstitutionId_ChainSequence",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "CreatedReason",
                table: "ShareLinks");

            migrationBuilder.DropColumn(
                name: "MaxOpens",
                table: "ShareLinks");

            migrationBuilder.DropColumn(
                name: "OpenCount",
                table: "ShareLinks");

            migrationBuilder.DropColumn(
                name: "ChainSequence",
                table: "Disclosures");

            migrationBuilder.DropColumn(
                name: "Mac",
                table: "Disclosures");

            migrationBuilder.DropColumn(
                name: "PreviousMac",
                table: "Disclosures");

            migrationBuilder.DropColumn(
                name: "PageTakenDownAt",
                table: "Credentials");

            migrationBuilder.DropColumn(
                name: "ChainSequence",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "Mac",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "PreviousMac",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "UpdateReason",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "UpdatedByKeyId",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ExpiresAt",
                table: "ApiKeys");

            migrationBuilder.DropColumn(
                name: "LastUsedAt",
                table: "ApiKeys");
        }
    }
}
