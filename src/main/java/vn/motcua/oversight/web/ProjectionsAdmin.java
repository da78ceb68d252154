package vn.motcua.oversight.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.oversight.OversightProblem;
import vn.motcua.oversight.ProjectionRebuild;
import vn.motcua.platform.CurrentUser;
import vn.motcua.platform.web.ApiController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Rebuilding oversight's projections from the dossier histories (ADMIN; audited), as a background job. */
@ApiController("/api/v1/oversight/projections")
@Tag(name = "Giám sát (oversight)")
@PreAuthorize("hasRole('ADMIN')")
class ProjectionsAdmin {

    private final ProjectionRebuild rebuild;

    ProjectionsAdmin(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Empty the projections and replay every dossier event into them, in the background: 202 with the job "
            + "(poll its Location), or with wait=true 200 once it ended; 409 oversight.rebuild-running while another runs")
    ResponseEntity<ProjectionRebuild.Job> start(@RequestParam(defaultValue = "false") boolean wait) {
        var job = rebuild.start(CurrentUser.name(), wait);
        return ResponseEntity.status(wait ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/oversight/projections/rebuilds/" + job.id())).body(job);
    }

    @GetMapping("/rebuilds/{id}")
    @Operation(summary = "A rebuild: RUNNING with its position in the journal, DONE with the rows it left, or FAILED with the reason")
    ProjectionRebuild.Job job(@PathVariable UUID id) {
        return rebuild.job(id).orElseThrow(() -> new OversightProblem(HttpStatus.NOT_FOUND, "oversight.rebuild-not-found",
                "Không có lần dựng lại " + id + "."));
    }

    @GetMapping("/rebuilds")
    @Operation(summary = "The latest rebuilds, newest first")
    List<ProjectionRebuild.Job> recent() {
        return rebuild.recent(20);
    }
}
