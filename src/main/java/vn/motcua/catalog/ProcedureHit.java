package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** One search result: the procedure in force, its score, and its name with the matched words marked. */
public record ProcedureHit(String code, @Nullable String localCode, String name, String highlightedName, String field,
                           List<ProcedureLevel> levels, OnlineLevel onlineLevel, float score) {
}
