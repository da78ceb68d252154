package vn.motcua.platform;

import java.util.Optional;

/**
 * Readable names of the things audit records name by key ({@code agency:H36.10}, {@code staff:cv.stp}): each module
 * that records such targets answers for its own kinds, so pages that show records (the audit log) can say
 * "Sở Tư pháp (H36.10)" without reading another module's tables.
 */
public interface TargetNames {

    /** The name of the target of this kind and key, if this module knows it (now; a removed thing has none). */
    Optional<String> nameOf(String kind, String key);
}
