package vn.motcua.audit;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The signed download of seals: one {@link Seal#line()} per line, then {@code signature key=<id> hmac=<hex>},
 * an HMAC-SHA256 over every byte above that line. Reading also accepts raw log lines (no signature).
 */
final class SealExport {

    private static final String HEADER = "# motcua audit seals: verify with POST /api/v1/audit/verify (text/plain)\n";
    private static final Pattern SIGNATURE = Pattern.compile("(?m)^signature key=(\\S+) hmac=([0-9a-f]{64})\\s*$");

    private SealExport() {
    }

    static String write(List<Seal> seals, AuditKeys keys) {
        var body = new StringBuilder(HEADER);
        seals.forEach(s -> body.append(s.line()).append('\n'));
        String key = keys.currentId();
        return body + "signature key=" + key + " hmac=" + keys.mac(key, body.toString()) + "\n";
    }

    /** The seals read, and whether a valid signature covered them (raw log lines carry none). */
    record Read(List<Seal> seals, boolean signed) { }

    static Read read(String text, AuditKeys keys) {
        text = text.replace("\r\n", "\n"); // a download whose line endings a copy turned into CRLF
        boolean signed = false;
        var signature = SIGNATURE.matcher(text);
        if (signature.find()) {
            String body = text.substring(0, signature.start());
            String key = signature.group(1);
            if (!keys.knows(key) || !keys.mac(key, body).equals(signature.group(2))) {
                throw new InvalidSealExport("Chữ ký của tệp niêm phong không khớp: tệp đã bị sửa hoặc ký bằng khoá khác.");
            }
            text = body;
            signed = true;
        }
        List<Seal> seals;
        try {
            seals = Seal.parseAll(text);
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            throw new InvalidSealExport("Tệp có dòng niêm phong sai định dạng (" + e.getMessage() + ").");
        }
        if (seals.isEmpty()) {
            throw new InvalidSealExport("Tệp không có dòng niêm phong nào (seal=…). Hãy gửi tệp tải về từ GET /api/v1/audit/seals hoặc các dòng AUDIT-SEAL của nhật ký máy chủ.");
        }
        return new Read(seals, signed);
    }
}
