package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * Who submits a dossier, as the desk recorded it at intake (a copy: later dossiers of the same person may differ).
 *
 * @param type           CITIZEN or ORGANIZATION
 * @param fullName       the citizen's full name, or the organisation's name
 * @param idNumber       a citizen's 12-digit ID number (also a representative's, for an organisation when given)
 * @param taxCode        an organisation's tax code
 * @param representative who acts for an organisation (its legal representative or an authorised person)
 */
public record Applicant(Type type, String fullName, @Nullable String idNumber, @Nullable LocalDate dateOfBirth,
                        @Nullable String phone, @Nullable String email, @Nullable Address address,
                        @Nullable String taxCode, @Nullable String representative) {

    public enum Type { CITIZEN, ORGANIZATION }

    /**
     * An address: a commune-level unit (phường, xã, đặc khu) of a province after the 2025 merger, by their GSO codes,
     * and the house number and street in words.
     */
    public record Address(@Nullable String provinceCode, @Nullable String province, @Nullable String wardCode,
                          @Nullable String ward, @Nullable String street) {

        /** The address as one line, street first: "12 Trần Phú, Phường Xuân Hương - Đà Lạt, Tỉnh Lâm Đồng". */
        public String line() {
            var parts = new java.util.ArrayList<String>();
            for (String part : new String[]{street, ward, province}) {
                if (part != null && !part.isBlank()) {
                    parts.add(part.strip());
                }
            }
            return String.join(", ", parts);
        }
    }

    /**
     * The name as the public lookup shows it to someone who does not prove who they are: each word's first letter,
     * the given name's second letter too, the rest masked ("Nguyễn Văn An" → "Nguyễn V** A*"); the family name stays
     * so that the applicant recognises the dossier. An organisation's name is public (the business register shows
     * it) and is not masked.
     */
    public String maskedName() {
        if (type == Type.ORGANIZATION) {
            return fullName;
        }
        String[] words = fullName.strip().split("\\s+");
        var out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (i > 0) {
                out.append(' ');
            }
            if (i == 0 && words.length > 1) {
                out.append(w);
            } else {
                int first = w.offsetByCodePoints(0, 1);
                out.append(w, 0, first).append("*".repeat(Math.max(1, w.codePointCount(first, w.length()))));
            }
        }
        return out.toString();
    }

    /**
     * Whether {@code lastFourDigits} are the last four digits of the phone number, ID number or tax code given at
     * intake: what the public lookup asks before it shows the full name, and the rating before it takes one.
     */
    public boolean provenBy(@Nullable String lastFourDigits) {
        if (lastFourDigits == null || !lastFourDigits.strip().matches("\\d{4}")) {
            return false;
        }
        byte[] given = lastFourDigits.strip().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        boolean match = false;
        for (String n : new String[]{phone, idNumber, taxCode}) {
            if (n != null && n.length() >= 4) {
                // compared in constant time, so that timing does not tell which digits are right
                match |= java.security.MessageDigest.isEqual(n.substring(n.length() - 4).getBytes(java.nio.charset.StandardCharsets.US_ASCII), given);
            }
        }
        return match;
    }
}
