using Microsoft.AspNetCore.Mvc.RazorPages;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Institutions;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Registrar;

/// <summary>The registrar's first page: learners, attainments in progress, batches running (live), credentials revoked or suspended.</summary>
internal sealed class DashboardModel(TranscriptsDb db, CurrentCaller caller) : PageModel
{
    public GetRegistrarOverview.Response? Overview { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Overview = (await GetRegistrarOverview.Handle(db, caller, cancellationToken)).Value;
}
