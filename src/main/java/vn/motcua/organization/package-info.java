/**
 * The province and who works in it: agencies with their QĐ 20/2020 electronic IDs (kept with history,
 * since IDs were re-issued after the 2025 merger), units inside agencies, staff accounts and role
 * assignments scoped to an agency or unit. It decides what each signed-in user may see.
 */
@ApplicationModule(allowedDependencies = "platform")
@NullMarked
package vn.motcua.organization;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
