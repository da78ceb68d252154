package vn.motcua.oversight;

/** What a source says about one indicator for one scope and period: two counts, or why it cannot say. */
public sealed interface Measure {

    /**
     * {@code numerator} of {@code denominator} (dossiers on time of dossiers in scope, say), both ≥ 0. A tracked
     * indicator may exceed 1 (average processing time against the legal time).
     */
    record Counted(long numerator, long denominator) implements Measure {
        public Counted {
            if (numerator < 0 || denominator < 0) {
                throw new IllegalArgumentException("counts out of range: " + numerator + "/" + denominator);
            }
        }
    }

    /** The source holds no figures for it (its module is not built, or the data is missing), and why. */
    record Unavailable(String reason) implements Measure {
    }
}
