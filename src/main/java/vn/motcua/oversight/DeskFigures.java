package vn.motcua.oversight;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.organization.StaffDirectory;
import vn.motcua.organization.StaffView;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The centre manager's figures, counted from {@code oversight.desk_flow} (fed by the dossier events, see {@link
 * DeskFlows}). Waiting time: from an online or postal dossier's submission to its receipt, for those received on the
 * day. Handling time: from receipt to the result handed over, for those handed over on the day. Both in elapsed
 * minutes, not working minutes.
 */
@Component
class DeskFigures {

    private final JdbcClient jdbc;
    private final StaffDirectory staff;

    DeskFigures(JdbcClient jdbc, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.staff = staff;
    }

    CentreView view(String scope, @Nullable Collection<UUID> agencies, LocalDate day, Instant start, Instant end, Instant now) {
        String where = agencies == null ? "true" : "receiving_agency_id = any(:agencies)";
        var officers = params(jdbc.sql("""
                select received_by, count(*) as n, count(*) filter (where channel = 'DIRECT') as direct,
                       count(*) filter (where channel = 'ONLINE') as online, count(*) filter (where channel = 'POSTAL') as postal
                from oversight.desk_flow where %s and received_at >= :start and received_at < :end
                group by received_by order by count(*) desc, received_by""".formatted(where)), agencies, start, end, now)
                .query((rs, n) -> {
                    String user = rs.getString("received_by");
                    return new CentreView.Officer(user, name(user), rs.getLong("n"), rs.getLong("direct"), rs.getLong("online"), rs.getLong("postal"));
                }).list();
        long received = officers.stream().mapToLong(CentreView.Officer::received).sum();
        long refused = params(jdbc.sql("select count(*) from oversight.desk_flow where %s and refused_at >= :start and refused_at < :end"
                .formatted(where)), agencies, start, end, now).query(Long.class).single();
        var queues = params(jdbc.sql("""
                select 'AWAITING_DESK' as code, count(*) as n, min(submitted_at) as since from oversight.desk_flow
                    where %1$s and submitted_at <= :now and received_at is null and refused_at is null and stopped_at is null
                union all
                select 'IN_PROCESSING', count(*), min(received_at) from oversight.desk_flow
                    where %1$s and received_at <= :now and result_ready_at is null and returned_at is null and stopped_at is null
                union all
                select 'AWAITING_RETURN', count(*), min(result_ready_at) from oversight.desk_flow
                    where %1$s and result_ready_at <= :now and returned_at is null and stopped_at is null""".formatted(where)),
                agencies, start, end, now)
                .query((rs, n) -> new CentreView.Queue(rs.getString("code"), label(rs.getString("code")), rs.getLong("n"),
                        rs.getTimestamp("since") == null ? null : rs.getTimestamp("since").toInstant())).list();
        var times = params(jdbc.sql("""
                select (avg(extract(epoch from received_at - submitted_at)) filter (where received_at >= :start and received_at < :end
                            and submitted_at is not null) / 60)::bigint as wait,
                       count(*) filter (where received_at >= :start and received_at < :end and submitted_at is not null) as waited,
                       (avg(extract(epoch from returned_at - received_at)) filter (where returned_at >= :start and returned_at < :end
                            and received_at is not null) / 60)::bigint as handling,
                       count(*) filter (where returned_at >= :start and returned_at < :end and received_at is not null) as handled,
                       count(*) filter (where returned_at >= :start and returned_at < :end) as returned
                from oversight.desk_flow where %s and (received_at >= :start or returned_at >= :start)""".formatted(where)),
                agencies, start, end, now)
                .query((rs, n) -> new long[]{rs.getObject("wait") == null ? -1 : rs.getLong("wait"), rs.getLong("waited"),
                        rs.getObject("handling") == null ? -1 : rs.getLong("handling"), rs.getLong("handled"), rs.getLong("returned")}).single();
        return new CentreView(scope, day, now, officers, received, refused, queues, times[1] == 0 ? null : times[0], times[1],
                times[3] == 0 ? null : times[2], times[3], times[4]);
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, @Nullable Collection<UUID> agencies, Instant start,
                                                   Instant end, Instant now) {
        spec = spec.param("start", Timestamp.from(start)).param("end", Timestamp.from(end)).param("now", Timestamp.from(now));
        return agencies == null ? spec : spec.param("agencies", agencies.toArray(UUID[]::new));
    }

    private String name(@Nullable String username) {
        if (username == null) {
            return "(không rõ người tiếp nhận)";
        }
        return staff.byUsername(username).map(StaffView::fullName).orElse(username);
    }

    private static String label(String code) {
        return switch (code) {
            case "AWAITING_DESK" -> "Hồ sơ trực tuyến, bưu chính chờ tiếp nhận";
            case "IN_PROCESSING" -> "Hồ sơ đang giải quyết tại cơ quan";
            case "AWAITING_RETURN" -> "Kết quả chờ trả";
            default -> code;
        };
    }

    static List<String> queueCodes() {
        return List.of("AWAITING_DESK", "IN_PROCESSING", "AWAITING_RETURN");
    }
}
