package vn.motcua.catalog;

/** Which level of government handles a procedure (after 1/7/2025 there is no district level). */
public enum ProcedureLevel {
    MINISTRY, PROVINCE, COMMUNE, VERTICAL_SECTOR, OTHER
}
