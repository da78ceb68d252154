/**
 * Dossiers (hồ sơ) from intake to the returned result: codes, the lifecycle with its national status codes, the
 * append-only history, slips and the public lookup. Work in progress: so far the lifecycle and the dossier codes
 * (the intake of the next issue builds on them).
 */
@ApplicationModule(allowedDependencies = {"platform"})
@NullMarked
package vn.motcua.dossier;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
