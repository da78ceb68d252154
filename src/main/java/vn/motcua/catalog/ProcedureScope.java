package vn.motcua.catalog;

/**
 * Which procedures a search ranks first. The province's desks receive the province's and communes' procedures;
 * the ministries' own (a level naming the ministry) crowd a provincial catalog unless they are asked for.
 */
public enum ProcedureScope {
    /** The province's and communes' procedures first, ministry-level ones after them (the default). */
    LOCAL_FIRST,
    /** Only the province's and communes' procedures. */
    LOCAL,
    /** Every procedure, ranked by how well it fits the words alone. */
    ALL
}
