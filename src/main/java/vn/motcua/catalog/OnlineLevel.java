package vn.motcua.catalog;

/**
 * Online public-service level (Decree 42/2022, carried into Decree 224/2026): full online (toàn trình),
 * partly online (một phần), or none. Old levels map as 4 → FULL, 3 → PARTIAL, 1-2 → NONE.
 */
public enum OnlineLevel {
    FULL, PARTIAL, NONE
}
