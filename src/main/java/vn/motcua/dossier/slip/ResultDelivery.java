package vn.motcua.dossier.slip;

/** Where the applicant registered to receive the result (Form 01 item 6; Decree 118/2025 Art. 22). */
public enum ResultDelivery {
    /** At the desk that received the dossier. */
    AT_DESK("Tại Bộ phận Một cửa nơi nộp hồ sơ"),
    /** Sent by the public postal service (BCCI) to the applicant's address. */
    BY_POST("Qua dịch vụ bưu chính công ích, đến địa chỉ của người nộp hồ sơ"),
    /** Online, in the applicant's account on the public-service portal. */
    ONLINE("Trực tuyến, trên Cổng Dịch vụ công");

    private final String words;

    ResultDelivery(String words) {
        this.words = words;
    }

    /** As printed on the slip. */
    public String words() {
        return words;
    }
}
