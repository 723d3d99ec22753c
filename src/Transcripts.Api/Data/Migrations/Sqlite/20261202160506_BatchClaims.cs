using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Transcripts.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BatchClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LeaseExpiresAt",
                table: "BatchItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeasedBy",
                table: "BatchItems",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_BatchItems_BatchId_Status",
                table: "BatchItems",
                columns: new[] { "BatchId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BatchItems_BatchId_Status",
                table: "BatchItems");

            migrationBuilder.DropColumn(
                name: "LeaseExpiresAt",
                table: "BatchItems");

            migrationBuilder.DropColumn(
                name: "LeasedBy",
                table: "BatchItems");
        }
    }
}
