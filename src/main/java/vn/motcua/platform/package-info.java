/**
 * What every module stands on: the database (embedded PostgreSQL by default, one Flyway folder and schema
 * per module), security, problem details, the web layout and the contract of auditable events.
 * An open module: others may use its public types; it depends on no business module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package vn.motcua.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
