/**
 * The web shell staff work in: layout with the province's name, navigation by role, login page and a
 * home page per role with real figures from the modules. Owns no tables.
 */
@ApplicationModule(allowedDependencies = {"platform", "organization", "audit", "calendar", "catalog", "dossier"})
@NullMarked
package vn.motcua.workspace;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
