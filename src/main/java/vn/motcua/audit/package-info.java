/**
 * The append-only record of every state-changing action. Each row carries the hash of the row before it,
 * so changing or deleting any row breaks the chain from that row on, and {@link vn.motcua.audit.AuditLog#verify()}
 * names the first broken row. Rows are written in the transaction of the action they record.
 */
@ApplicationModule(allowedDependencies = "platform")
@NullMarked
package vn.motcua.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
