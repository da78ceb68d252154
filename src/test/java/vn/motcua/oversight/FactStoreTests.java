package vn.motcua.oversight;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.IntegrationTest;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures PostgreSQL counts agree with {@link OnTimeRule} dossier by dossier: generated dossiers of one made-up
 * agency (received over three months, some with one or two supplements, some still waiting, extended, stopped,
 * refused), judged for several periods both ways; and the columns of every period add up.
 */
class FactStoreTests extends IntegrationTest {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    FactStore store;
    @Autowired
    JdbcClient jdbc;

    @Test
    void sqlCountsWhatTheRuleJudges() {
        UUID agency = UUID.randomUUID();
        var channels = new HashMap<String, String>();
        var facts = generate(jdbc, agency, new Random(766), 600, channels);
        for (String[] period : new String[][]{{"2026-02-01", "2026-03-01"}, {"2026-03-01", "2026-04-01"}, {"2026-04-01", "2026-05-01"},
                {"2026-03-10", "2026-03-11"}, {"2026-01-01", "2027-01-01"}}) {
            Instant start = LocalDateTime.parse(period[0] + "T00:00").atZone(VIETNAM).toInstant();
            Instant end = LocalDateTime.parse(period[1] + "T00:00").atZone(VIETNAM).toInstant();
            var counted = store.figures(Set.of(agency), start, end, FactStore.Key.ALL);
            long judged = 0, early = 0, onTimeResolved = 0, late = 0, openOnTime = 0, overdue = 0, onTime = 0, stopped = 0, carried = 0, online = 0;
            for (var f : facts) {
                var j = OnTimeRule.judge(f, start, end);
                if (j == OnTimeRule.Judgement.OUT_OF_PERIOD) {
                    continue;
                }
                judged++;
                if (f.receivedAt().isBefore(start)) {
                    carried++;
                } else if (channels.get(f.code()).equals("ONLINE")) {
                    online++;
                }
                if (j.onTime()) {
                    onTime++;
                }
                boolean stop = j.resolved() && f.end() == DossierFact.End.STOPPED;
                if (stop) {
                    stopped++;
                    continue;
                }
                switch (j) {
                    case RESOLVED_EARLY -> early++;
                    case RESOLVED_ON_TIME -> onTimeResolved++;
                    case RESOLVED_LATE -> late++;
                    case IN_PROGRESS_ON_TIME -> openOnTime++;
                    case IN_PROGRESS_OVERDUE -> overdue++;
                    case OUT_OF_PERIOD -> throw new AssertionError();
                }
            }
            String which = period[0] + ".." + period[1];
            assertThat(judged).as(which).isPositive();
            var c = counted.getFirst();
            assertThat(c.received()).as(which).isEqualTo(judged);
            assertThat(c.carriedOver()).as(which).isEqualTo(carried);
            assertThat(c.newOnline()).as(which).isEqualTo(online);
            assertThat(c.resolvedEarly()).as(which).isEqualTo(early);
            assertThat(c.resolved() - c.resolvedEarly() - c.resolvedLate()).as(which).isEqualTo(onTimeResolved);
            assertThat(c.resolvedLate()).as(which).isEqualTo(late);
            assertThat(c.inProgressOnTime()).as(which).isEqualTo(openOnTime);
            assertThat(c.inProgressOverdue()).as(which).isEqualTo(overdue);
            assertThat(c.stopped()).as(which).isEqualTo(stopped);
            assertThat(c.onTime()).as(which).isEqualTo(onTime);
            // the columns add up
            assertThat(c.carriedOver() + c.newDirect() + c.newOnline() + c.newPostal()).as(which).isEqualTo(c.received());
            assertThat(c.resolved() + c.inProgressOnTime() + c.inProgressOverdue() + c.stopped()).as(which).isEqualTo(c.received());
            var byChannel = store.figures(Set.of(agency), start, end, FactStore.Key.CHANNEL);
            assertThat(byChannel.stream().mapToLong(FactStore.Counts::received).sum()).as(which).isEqualTo(c.received());
            assertThat(byChannel.stream().mapToLong(FactStore.Counts::onTime).sum()).as(which).isEqualTo(c.onTime());
        }
        // the dashboard's trend counts each month in one query exactly as the month's own figures count it
        var windows = new ArrayList<Instant[]>();
        for (int month = 1; month <= 6; month++) {
            windows.add(new Instant[]{LocalDateTime.of(2026, month, 1, 0, 0).atZone(VIETNAM).toInstant(),
                    LocalDateTime.of(2026, month + 1, 1, 0, 0).atZone(VIETNAM).toInstant()});
        }
        windows.add(new Instant[]{windows.getLast()[1], windows.getLast()[1]}); // a month not begun counts nothing
        var trend = store.trend(Set.of(agency), windows);
        for (var w : windows.subList(0, 6)) {
            var figures = store.figures(Set.of(agency), w[0], w[1], FactStore.Key.ALL);
            long received = figures.isEmpty() ? 0 : figures.getFirst().received();
            long onTime = figures.isEmpty() ? 0 : figures.getFirst().onTime();
            var t = trend.getOrDefault(w[0], new long[]{0, 0});
            assertThat(t[0]).as("trend received from " + w[0]).isEqualTo(received);
            assertThat(t[1]).as("trend on time from " + w[0]).isEqualTo(onTime);
        }
        assertThat(trend.keySet().stream().filter(k -> !k.isBefore(LocalDateTime.of(2026, 2, 1, 0, 0).atZone(VIETNAM).toInstant())
                && k.isBefore(LocalDateTime.of(2026, 5, 1, 0, 0).atZone(VIETNAM).toInstant()))).hasSize(3);
        assertThat(trend).doesNotContainKey(windows.getLast()[0]);
    }

    /**
     * {@code n} dossiers of {@code agency} received from February to April 2026 (one in five still open, some with one or
     * two supplements, some still waiting, extended, stopped, refused, one in twelve apologised for), written into the
     * projection; {@code channels} gets each one's channel.
     */
    static List<DossierFact> generate(JdbcClient jdbc, UUID agency, Random random, int n, java.util.Map<String, String> channels) {
        var facts = new ArrayList<DossierFact>();
        Instant base = LocalDateTime.parse("2026-02-01T07:30").atZone(VIETNAM).toInstant();
        for (int i = 0; i < n; i++) {
            String code = "T" + agency.toString().substring(0, 8) + "-" + i;
            Instant received = base.plus(Duration.ofMinutes(random.nextInt(90 * 24 * 60)));
            Instant due = random.nextInt(10) == 0 ? null : received.plus(Duration.ofHours(24 + random.nextInt(20 * 24)));
            int supplements = random.nextInt(10) < 7 ? 0 : random.nextInt(10) < 8 ? 1 : 2;
            Instant requested = supplements == 0 ? null : received.plus(Duration.ofHours(1 + random.nextInt(72)));
            Instant back = requested == null || random.nextInt(4) == 0 ? null : requested.plus(Duration.ofHours(1 + random.nextInt(120)));
            Instant ended = random.nextInt(5) == 0 ? null
                    : (back != null ? back : requested != null ? requested : received).plus(Duration.ofHours(1 + random.nextInt(30 * 24)));
            if (requested != null && back == null) {
                ended = random.nextBoolean() ? null : requested.plus(Duration.ofDays(15)); // stopped while waiting, or still waiting
            }
            var end = ended == null ? null : switch (random.nextInt(10)) {
                case 0 -> DossierFact.End.STOPPED;
                case 1 -> DossierFact.End.REFUSED;
                default -> DossierFact.End.RESOLVED;
            };
            var fact = new DossierFact(code, received, due, random.nextInt(8) == 0, supplements, requested, back, ended, end);
            facts.add(fact);
            String channel = List.of("DIRECT", "DIRECT", "ONLINE", "POSTAL").get(random.nextInt(4));
            channels.put(code, channel);
            Instant apologised = due == null || random.nextInt(12) != 0 ? null : due.minus(Duration.ofHours(30));
            insert(jdbc, fact, agency, channel, apologised != null && apologised.isAfter(received) ? apologised : null);
        }
        return facts;
    }

    static void insert(JdbcClient jdbc, DossierFact f, UUID agency, String channel, Instant apologised) {
        jdbc.sql("""
                        insert into oversight.dossier_fact (code, receiving_agency_id, handling_agency_id, procedure_code, channel, state,
                            national_status, received_at, original_due_at, due_at, extended, supplement_count, supplement_requested_at,
                            supplement_received_at, ended_at, end_kind, apologised_at, last_event_at)
                        values (:code, :agency, :agency, :procedure, :channel, 'IN_PROCESSING', 4, :received, :due, :due, :extended,
                            :supplements, :requested, :back, :ended, :end, :apologised, :received)""")
                .param("procedure", "1.00000" + Math.floorMod(f.code().hashCode(), 3)).param("apologised", ts(apologised))
                .param("code", f.code()).param("agency", agency).param("channel", channel).param("received", ts(f.receivedAt()))
                .param("due", ts(f.originalDueAt())).param("extended", f.extended()).param("supplements", f.supplementCount())
                .param("requested", ts(f.supplementRequestedAt())).param("back", ts(f.supplementReceivedAt()))
                .param("ended", ts(f.endedAt())).param("end", f.end() == null ? null : f.end().name()).update();
    }

    static Timestamp ts(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }
}
