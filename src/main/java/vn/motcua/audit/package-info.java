/**
 * The append-only, tamper-evident record of every state-changing action. An action's transaction inserts one
 * record signed with an HMAC under a key from configuration (never in the database) and takes no lock; a sealer
 * on one node at a time covers the committed records, in transaction order, with seals chained by their keyed
 * MACs, logs each seal and offers them as a signed download, so that a changed, inserted or removed row and a cut
 * tail are found by {@link vn.motcua.audit.AuditLog#verify(boolean)} even against someone who can write to the
 * database.
 */
@ApplicationModule(allowedDependencies = "platform")
@NullMarked
package vn.motcua.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
