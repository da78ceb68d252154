package vn.motcua.dossier;

/** How a dossier reached the agency, with the channel code of the national portal (KenhThucHien). */
public enum Channel {
    /** At the one-stop desk. */
    DIRECT(1),
    /** Through the public-service portal. */
    ONLINE(2),
    /** By post (BCCI). */
    POSTAL(3);

    private final int nationalCode;

    Channel(int nationalCode) {
        this.nationalCode = nationalCode;
    }

    public int nationalCode() {
        return nationalCode;
    }
}
