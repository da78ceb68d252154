package vn.motcua.organization.web;


/** Reads the version a client saw from an {@code If-Match} header ({@code "3"} or {@code W/"3"}). */
final class Versions {

    private Versions() {
    }

    static int parse(String ifMatch) {
        String digits = ifMatch.replace("W/", "").replace("\"", "").strip();
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "If-Match must carry the version you read, for example \"3\"");
        }
    }
}
