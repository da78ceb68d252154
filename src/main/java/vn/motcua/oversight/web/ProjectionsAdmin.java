package vn.motcua.oversight.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import vn.motcua.oversight.ProjectionRebuild;
import vn.motcua.platform.web.ApiController;

/** Rebuilding oversight's projections from the dossier histories (ADMIN; audited). */
@ApiController("/api/v1/oversight/projections")
@Tag(name = "Giám sát (oversight)")
@PreAuthorize("hasRole('ADMIN')")
class ProjectionsAdmin {

    private final ProjectionRebuild rebuild;

    ProjectionsAdmin(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Empty the projections and replay every dossier event into them; answers when done, with the counts")
    ProjectionRebuild.Result rebuild() {
        return rebuild.rebuild();
    }
}
