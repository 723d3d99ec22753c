using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Transcripts.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UniquePublicBaseUrl : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Institutions that shared a public base URL shared one did:web; the earliest keeps it, the others must set their own.
            migrationBuilder.Sql(
                "UPDATE \"Institutions\" SET \"PublicBaseUrl\" = NULL WHERE \"PublicBaseUrl\" IS NOT NULL AND EXISTS " +
                "(SELECT 1 FROM \"Institutions\" AS o WHERE o.\"PublicBaseUrl\" = \"Institutions\".\"PublicBaseUrl\" AND o.\"Id\" < \"Institutions\".\"Id\")");
            migrationBuilder.CreateIndex(
                name: "IX_Institutions_PublicBaseUrl",
                table: "Institutions",
                column: "PublicBaseUrl",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Institutions_PublicBaseUrl",
                table: "Institutions");
        }
    }
}
