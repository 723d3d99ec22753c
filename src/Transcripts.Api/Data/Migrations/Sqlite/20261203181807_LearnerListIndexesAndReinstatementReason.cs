using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Transcripts.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LearnerListIndexesAndReinstatementReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Learners_InstitutionId_Name",
                table: "Learners");

            migrationBuilder.AddColumn<long>(
                name: "ReinstatedAt",
                table: "Institutions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReinstatementReason",
                table: "Institutions",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Learners_InstitutionId_Name_Id_IsArchived",
                table: "Learners",
                columns: new[] { "InstitutionId", "Name", "Id", "IsArchived" });

            migrationBuilder.CreateIndex(
                name: "IX_LearnerIdentifiers_InstitutionId_Value",
                table: "LearnerIdentifiers",
                columns: new[] { "InstitutionId", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_Attainments_InstitutionId_Status",
                table: "Attainments",
                columns: new[] { "InstitutionId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Learners_InstitutionId_Name_Id_IsArchived",
                table: "Learners");

            migrationBuilder.DropIndex(
                name: "IX_LearnerIdentifiers_InstitutionId_Value",
                table: "LearnerIdentifiers");

            migrationBuilder.DropIndex(
                name: "IX_Attainments_InstitutionId_Status",
                table: "Attainments");

            migrationBuilder.DropColumn(
                name: "ReinstatedAt",
                table: "Institutions");

            migrationBuilder.DropColumn(
                name: "ReinstatementReason",
                table: "Institutions");

            migrationBuilder.CreateIndex(
                name: "IX_Learners_InstitutionId_Name",
                table: "Learners",
                columns: new[] { "InstitutionId", "Name" });
        }
    }
}
