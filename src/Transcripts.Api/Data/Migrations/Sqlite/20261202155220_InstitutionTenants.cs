using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Transcripts.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InstitutionTenants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SuspendedAt",
                table: "Institutions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuspensionReason",
                table: "Institutions",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OperatorKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
