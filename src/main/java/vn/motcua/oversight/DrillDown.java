package vn.motcua.oversight;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The names a drill-down may ask for, the figure each lists, and their words on the page. */
final class DrillDown {

    private record Known(FactStore.Figure figure, String label, boolean fullOnlineOnly) {
    }

    private static final Map<String, Known> MEASURES = new LinkedHashMap<>();

    static {
        put("received", FactStore.Figure.RECEIVED, "Tổng số hồ sơ");
        put("carriedOver", FactStore.Figure.CARRIED_OVER, "Hồ sơ kỳ trước chuyển sang");
        put("new", FactStore.Figure.NEW, "Hồ sơ mới tiếp nhận");
        put("newDirect", FactStore.Figure.NEW_DIRECT, "Hồ sơ mới tiếp nhận trực tiếp");
        put("newOnline", FactStore.Figure.NEW_ONLINE, "Hồ sơ mới tiếp nhận trực tuyến");
        put("newPostal", FactStore.Figure.NEW_POSTAL, "Hồ sơ mới tiếp nhận qua bưu chính");
        put("resolved", FactStore.Figure.RESOLVED, "Hồ sơ đã giải quyết");
        put("resolvedEarly", FactStore.Figure.RESOLVED_EARLY, "Hồ sơ giải quyết trước hạn");
        put("resolvedOnTime", FactStore.Figure.RESOLVED_ON_TIME, "Hồ sơ giải quyết đúng hạn");
        put("resolvedLate", FactStore.Figure.RESOLVED_LATE, "Hồ sơ giải quyết quá hạn");
        put("refused", FactStore.Figure.REFUSED, "Hồ sơ từ chối giải quyết");
        put("inProgress", FactStore.Figure.IN_PROGRESS, "Hồ sơ đang giải quyết");
        put("inProgressOnTime", FactStore.Figure.IN_PROGRESS_ON_TIME, "Hồ sơ đang giải quyết trong hạn");
        put("inProgressOverdue", FactStore.Figure.IN_PROGRESS_OVERDUE, "Hồ sơ đang giải quyết quá hạn");
        put("stopped", FactStore.Figure.STOPPED, "Hồ sơ rút, dừng xử lý");
        put("onTime", FactStore.Figure.ON_TIME, "Hồ sơ đúng hạn (chỉ số 2.1)");
        put("late", FactStore.Figure.LATE, "Hồ sơ quá hạn");
        put("apologies", FactStore.Figure.APOLOGIES, "Hồ sơ có thư xin lỗi");
        put("timed", FactStore.Figure.TIMED, "Hồ sơ đã giải quyết có thời hạn (chỉ số 2.2)");
        put("dissatisfied", FactStore.Figure.DISSATISFIED, "Hồ sơ người dân đánh giá không hài lòng (chỉ số 5.4)");
        MEASURES.put("fullonlinenew", new Known(FactStore.Figure.NEW, "Hồ sơ mới của TTHC trực tuyến toàn trình (chỉ số 3.x)", true));
        MEASURES.put("fullonlineonline", new Known(FactStore.Figure.NEW_ONLINE, "Hồ sơ trực tuyến của TTHC trực tuyến toàn trình (chỉ số 3.x)", true));
    }

    private static void put(String name, FactStore.Figure figure, String label) {
        MEASURES.put(name.toLowerCase(Locale.ROOT), new Known(figure, label, false));
    }

    private DrillDown() {
    }

    private static Known known(@Nullable String measure) {
        String key = measure == null ? "" : measure.strip().replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
        var k = MEASURES.get(key);
        if (k == null) {
            throw new OversightProblem(HttpStatus.BAD_REQUEST, "oversight.measure-invalid", "Số liệu \"" + measure
                    + "\" không có: received, carriedOver, new, newDirect, newOnline, newPostal, resolved, resolvedEarly, resolvedOnTime, "
                    + "resolvedLate, refused, inProgress, inProgressOnTime, inProgressOverdue, stopped, onTime, late, apologies, timed, "
                    + "dissatisfied, fullOnlineNew, fullOnlineOnline");
        }
        return k;
    }

    static FactStore.Figure figure(@Nullable String measure) {
        return known(measure).figure();
    }

    static boolean fullOnlineOnly(@Nullable String measure) {
        return known(measure).fullOnlineOnly();
    }

    static String label(@Nullable String measure) {
        return known(measure).label();
    }

    /** The measure as the API names it ({@code resolvedLate}), whatever case or dashes it was asked in. */
    static String canonical(String measure) {
        String key = measure.strip().replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
        for (String name : NAMES) {
            if (name.toLowerCase(Locale.ROOT).equals(key)) {
                return name;
            }
        }
        return measure.strip();
    }

    private static final String[] NAMES = {"received", "carriedOver", "new", "newDirect", "newOnline", "newPostal", "resolved",
            "resolvedEarly", "resolvedOnTime", "resolvedLate", "refused", "inProgress", "inProgressOnTime", "inProgressOverdue", "stopped",
            "onTime", "late", "apologies", "timed", "dissatisfied", "fullOnlineNew", "fullOnlineOnline"};

    /** Where a listed dossier stands, in words: how it ended within the period, or that it is still open. */
    static String state(String state, @Nullable String endKind) {
        if (endKind != null) {
            return switch (endKind) {
                case "REFUSED" -> "Từ chối giải quyết";
                case "STOPPED" -> "Dừng xử lý";
                default -> "RETURNED".equals(state) ? "Đã trả kết quả" : "Đã giải quyết";
            };
        }
        return "Đang giải quyết";
    }
}
