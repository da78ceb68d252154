package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;
import vn.motcua.calendar.DurationUnit;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the portal's "Cách thức thực hiện" table (Hình thức nộp | Thời gian | Phí, lệ phí | Mô tả), flattened without
 * separators: "Trực tiếp7 Ngày làm việc70,000 Việt Nam Đồng(- Cấp lại thẻ căn cước…)- Trực tiếp tại trụ sở…". A row
 * starts where a channel's name is glued to its time cell; the same words inside a description ("- Trực tiếp tại…")
 * are followed by a space and stay in the description. The fee cell is "Miễn phí", "Không có thông tin" or an amount
 * with its currency, each optionally followed by its description in brackets, which is kept whole: it often carries
 * the rate in force for a period ("Kể từ ngày 01/7/2025 đến hết ngày 31/12/2026 … bằng 50% …"), read as a fee of its own.
 */
final class ChannelTable {

    private static final String HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả";
    private static final Pattern ROW = Pattern.compile("(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=\\d|Trong ngày|Không)");
    private static final Pattern TIME = Pattern.compile("Trong ngày|(\\d+(?:[.,]\\d+)?)\\s*(Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng)?");
    private static final Pattern FEE_CELL = Pattern.compile("Miễn phí|Không có thông tin|(\\d{1,3}(?:[.,]\\d{3})+|\\d+)\\s*(Việt Nam Đồng|VNĐ|Đồng|đồng|USD)");
    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,3}(?:[.,]\\d{3})+|\\d+)\\s*(?:đồng|đ(?![\\p{L}])|VNĐ|triệu đồng)");
    private static final Pattern PERCENT = Pattern.compile("bằng\\s*(\\d{1,3})\\s*%");
    private static final Pattern DAY = Pattern.compile("(\\d{1,2})/(\\d{1,2})/((?:19|20)\\d{2})");
    private static final Pattern FROM = Pattern.compile("(?i)từ\\s+ngày\\s+" + DAY.pattern());
    private static final Pattern TO = Pattern.compile("(?i)đến\\s+(?:hết\\s+)?(?:ngày\\s+)?" + DAY.pattern());
    private static final Pattern LOCAL = Pattern.compile("(?i)(hội đồng nhân dân|hđnd|ủy ban nhân dân (?:cấp )?tỉnh|ubnd (?:cấp )?tỉnh)");
    private static final Pattern LAW = Pattern.compile("\\d{1,4}(?:\\.\\d{1,3})?/(?:19|20)\\d{2}/[A-ZĐ]+(?:-[A-ZĐ]+\\d{0,2})*");

    private ChannelTable() {
    }

    /** A channel row and how well its cells could be read. */
    record Row(Channel channel, boolean feeCellRead, boolean timeCellRead) {
    }

    static List<Row> parse(String raw) {
        String body = raw.startsWith(HEADER) ? raw.substring(HEADER.length()) : raw;
        var starts = new ArrayList<int[]>();
        Matcher m = ROW.matcher(body);
        while (m.find()) {
            starts.add(new int[]{m.start(), m.end()});
        }
        var out = new ArrayList<Row>();
        for (int i = 0; i < starts.size(); i++) {
            String kind = switch (body.substring(starts.get(i)[0], starts.get(i)[1])) {
                case "Trực tiếp" -> "DIRECT";
                case "Trực tuyến" -> "ONLINE";
                default -> "POSTAL";
            };
            String rest = body.substring(starts.get(i)[1], i + 1 < starts.size() ? starts.get(i + 1)[0] : body.length());
            out.add(row(kind, rest));
        }
        return out;
    }

    private static Row row(String kind, String rest) {
        Integer amount = null;
        DurationUnit unit = null;
        String timeText = "";
        boolean timeRead = false;
        Matcher t = TIME.matcher(rest);
        if (rest.startsWith("Không có thông tin") && FEE_CELL.matcher(rest).region("Không có thông tin".length(), rest.length()).lookingAt()) {
            rest = rest.substring("Không có thông tin".length()); // the time cell says nothing; the fee cell follows
        } else if (t.lookingAt() && t.end() > 0) {
            timeText = t.group().strip();
            if (t.group(1) == null) {
                unit = DurationUnit.SAME_DAY;
                amount = 0;
            } else {
                amount = (int) Math.round(Double.parseDouble(t.group(1).replace(',', '.')));
                unit = unit(t.group(2));
            }
            timeRead = unit != null;
            rest = rest.substring(t.end());
        } else {
            Matcher f = FEE_CELL.matcher(rest);
            if (f.find()) { // a time cell in words ("Không phải trả kết quả…"): kept as text
                timeText = rest.substring(0, f.start()).strip();
                rest = rest.substring(f.start());
            }
        }
        var fees = new ArrayList<Channel.Fee>();
        boolean feeRead = false;
        Matcher f = FEE_CELL.matcher(rest);
        if (f.lookingAt()) {
            feeRead = true;
            String cell = f.group();
            rest = rest.substring(f.end());
            String description = "";
            if (rest.startsWith("(")) {
                int close = closing(rest);
                if (close < 0) {
                    feeRead = false; // the source never closes the bracket: the description runs to the end of the row
                    close = rest.length() - 1;
                    int last = rest.lastIndexOf(')');
                    if (last > 0) {
                        close = last;
                    }
                }
                description = close < 1 ? rest.substring(1).strip() : rest.substring(1, close).strip();
                rest = close < 1 ? "" : rest.substring(close + 1);
            }
            fees.addAll(fees(cell, f.group(1), f.group(2), description));
        }
        return new Row(new Channel(kind, amount, unit, timeText, fees, rest.strip()), feeRead, timeRead);
    }

    /** The index of the bracket closing the one at 0, or -1. */
    private static int closing(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    static List<Channel.Fee> fees(String cell, @Nullable String amountText, @Nullable String currencyText, String description) {
        var out = new ArrayList<Channel.Fee>();
        Long base = null;
        String currency = "USD".equals(currencyText) ? "USD" : "VND";
        if (cell.equals("Không có thông tin")) {
            out.add(new Channel.Fee(Channel.Fee.Basis.NOT_STATED, null, "VND", null, null, null, null, description));
        } else if (cell.equals("Miễn phí")) {
            // the portal's fee cell says "Miễn phí" when its amount field is empty, also where the description says the
            // provincial People's Council sets the fee (1.013225, building permits)
            var basis = LOCAL.matcher(description).find() ? Channel.Fee.Basis.SET_LOCALLY : Channel.Fee.Basis.FREE;
            out.add(new Channel.Fee(basis, null, "VND", null, null, null, null, description));
        } else {
            base = Long.parseLong(java.util.Objects.requireNonNull(amountText).replaceAll("[.,]", ""));
            out.add(new Channel.Fee(Channel.Fee.Basis.FIXED, base, currency, null, null, null, null, description));
        }
        if (currency.equals("VND")) {
            out.addAll(periodFees(description, base));
        }
        return out;
    }

    /** Amounts the description sets for a period: "Kể từ ngày 01/7/2025 đến hết ngày 31/12/2026 … bằng 50% mức thu". */
    static List<Channel.Fee> periodFees(String description, @Nullable Long base) {
        var out = new ArrayList<Channel.Fee>();
        for (String segment : description.split("(?<=[.;])\\s+|\\s+-\\s+|^-\\s*|\\s\\+\\s")) {
            String s = segment.strip().replaceFirst("^[-+*]\\s*", "");
            Matcher to = TO.matcher(s);
            Matcher from = FROM.matcher(s);
            boolean hasTo = to.find();
            boolean hasFrom = from.find();
            if (!hasTo && !hasFrom) {
                continue;
            }
            Long amount = null;
            Matcher a = AMOUNT.matcher(s);
            while (a.find()) {
                if (!isInsideDate(s, a.start())) {
                    long value = Long.parseLong(a.group(1).replaceAll("[.,]", ""));
                    amount = a.group().endsWith("triệu đồng") ? value * 1_000_000 : value;
                    break;
                }
            }
            Matcher p = PERCENT.matcher(s);
            if (amount == null && base != null && p.find()) {
                amount = base * Integer.parseInt(p.group(1)) / 100;
            }
            if (amount == null) {
                continue;
            }
            Matcher law = LAW.matcher(s);
            out.add(new Channel.Fee(Channel.Fee.Basis.FIXED, amount, "VND", s.replaceAll("[.;,]$", ""),
                    hasFrom ? day(from, 1) : null, hasTo ? day(to, 1) : null, law.find() ? law.group() : null, ""));
        }
        return out;
    }

    private static boolean isInsideDate(String s, int at) {
        return at > 0 && s.charAt(at - 1) == '/';
    }

    private static @Nullable LocalDate day(Matcher m, int group) {
        try {
            return LocalDate.of(Integer.parseInt(m.group(group + 2)), Integer.parseInt(m.group(group + 1)), Integer.parseInt(m.group(group)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    static @Nullable DurationUnit unit(@Nullable String text) {
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "ngày làm việc" -> DurationUnit.WORKING_DAY;
            case "ngày" -> DurationUnit.CALENDAR_DAY;
            case "giờ làm việc", "giờ" -> DurationUnit.WORKING_HOUR;
            case "tháng" -> DurationUnit.MONTH;
            default -> null;
        };
    }
}
