/**
 * Dossiers (hồ sơ) from intake to the returned result: codes, the lifecycle with its national status codes, the
 * append-only history, slips and the public lookup. Front door: {@link vn.motcua.dossier.DossierIntake}; events:
 * {@link vn.motcua.dossier.DossierEvent}. Processing after intake comes next.
 */
@ApplicationModule(allowedDependencies = {"platform", "catalog", "calendar", "organization", "files"})
@NullMarked
package vn.motcua.dossier;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
