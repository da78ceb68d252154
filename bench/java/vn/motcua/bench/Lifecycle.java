package vn.motcua.bench;

/** One side of the comparison: runs whole dossier lifecycles (receive, four processing steps, return). */
interface Lifecycle {

    String name();

    /** Called before each measured run with the number of workers about to run. */
    void prepare(int workers);

    /** One full lifecycle, each step its own transaction; {@code n} numbers the worker's lifecycles. */
    void lifecycle(int worker, long n);
}
