package vn.motcua.dossier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The events of every dossier, as they were published and in the same order (from {@code dossier.event_journal}),
 * for a consumer that rebuilds its projection: feeding them to the code that consumed them incrementally gives the
 * same rows. Nothing outside this module reads the dossier tables; this is how they get the history instead.
 */
@Service
public class DossierReplay {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DossierReplay(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Where a replay stands: the journal position after the last event given, and how many events that is. */
    public record Position(long after, long events) {
        public static final Position START = new Position(0, 0);
    }

    /**
     * The next batch of at most {@code size} events after {@code from}, oldest first; an empty list at the end. Each
     * batch is read on its own (a replay of millions of events holds no transaction open between batches).
     */
    @Transactional(readOnly = true)
    public Batch next(Position from, int size) {
        var rows = jdbc.sql("""
                        select j.id, j.kind, j.payload::text as payload, d.applicant->>'fullName' as name,
                            d.applicant->>'email' as email, d.applicant->>'phone' as phone
                        from dossier.event_journal j join dossier.dossier d on d.code = j.code
                        where j.id > :after order by j.id limit :size""")
                .param("after", from.after()).param("size", Math.max(1, size))
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("kind"), rs.getString("payload"), rs.getString("name"),
                        rs.getString("email"), rs.getString("phone")))
                .list();
        var events = new ArrayList<DossierEvent>(rows.size());
        long last = from.after();
        for (Row r : rows) {
            ObjectNode node = (ObjectNode) json.readTree(r.payload());
            ObjectNode contact = node.putObject("contact");
            contact.put("name", r.name() == null ? "" : r.name());
            contact.put("email", r.email());
            contact.put("phone", r.phone());
            events.add(json.treeToValue(node, DossierJournal.type(r.kind())));
            last = r.id();
        }
        return new Batch(List.copyOf(events), new Position(last, from.events() + events.size()));
    }

    /** The journal position of the last event published so far (0 when there is none): where a replay started now ends. */
    @Transactional(readOnly = true)
    public long end() {
        return jdbc.sql("select coalesce(max(id), 0) from dossier.event_journal").query(Long.class).single();
    }

    /** Every event, in batches of {@code size}, each handed to {@code sink} before the next is read. */
    public Position replay(int size, Consumer<List<DossierEvent>> sink) {
        var position = Position.START;
        while (true) {
            var batch = next(position, size);
            if (batch.events().isEmpty()) {
                return position;
            }
            sink.accept(batch.events());
            position = batch.next();
        }
    }

    /** A batch of events and the position after it. */
    public record Batch(List<DossierEvent> events, Position next) {
    }

    private record Row(long id, String kind, String payload, @org.jspecify.annotations.Nullable String name,
                       @org.jspecify.annotations.Nullable String email, @org.jspecify.annotations.Nullable String phone) {
    }
}
