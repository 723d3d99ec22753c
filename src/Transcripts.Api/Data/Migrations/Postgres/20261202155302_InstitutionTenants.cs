using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Transcripts.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InstitutionTenants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SuspendedAt",
                table: "Institutions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuspensionReason",
                table: "Institutions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OperatorKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    Prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OperatorKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OperatorKeys_Hash",
                table: "OperatorKeys",
                column: "Hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OperatorKeys");

            migrationBuilder.DropColumn(
                name: "SuspendedAt",
                table: "Institutions");

            migrationBuilder.DropColumn(
                name: "SuspensionReason",
                table: "Institutions");
        }
    }
}
