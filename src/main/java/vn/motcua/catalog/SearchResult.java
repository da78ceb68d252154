package vn.motcua.catalog;

import java.util.List;

/** Matching procedures, best first, and how many match in all. */
public record SearchResult(long total, List<ProcedureHit> items) {
}
