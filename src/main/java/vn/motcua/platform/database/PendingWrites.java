package vn.motcua.platform.database;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;

/**
 * Writes of the current transaction that need no answer (a history row, an audit record), sent to PostgreSQL
 * together in <b>one round trip</b>: at the next {@link #flush()} or, at the latest, just before the transaction
 * commits. A dossier transition is then one UPDATE and one round trip for its history and its audit record,
 * instead of one round trip each (DESIGN.md §6: "about one database round trip per transition").
 *
 * <p>The statements go as one multi-statement prepared statement (PgJDBC parses, binds and executes each in
 * turn before a single Sync); they run in the order they were added, inside the caller's transaction, so they
 * commit or roll back with it, and a failure (a violated constraint, an unexpected row count) fails the commit
 * and rolls everything back. A statement run directly between {@code add} and the flush runs <em>before</em> the
 * pending ones: callers that read what they queued flush first. Statements must not return rows.
 */
@Component
public class PendingWrites {

    private final JdbcTemplate jdbc;
    /** Callers queue a few constant statements over and over: each is parsed for its parameters once. */
    private final Map<String, ParsedSql> parsedStatements = new ConcurrentHashMap<>();

    PendingWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a statement with named parameters ({@code :name}); any number of rows may change. */
    public void add(String sql, Map<String, ?> params) {
        queue().add(new Pending(sql, params, -1));
    }

    /** Queues a statement that must change exactly {@code expectedRows} rows, else the flush (and the commit) fails. */
    public void add(String sql, Map<String, ?> params, int expectedRows) {
        queue().add(new Pending(sql, params, expectedRows));
    }

    /** How many statements wait in this transaction. */
    public int size() {
        Queue queue = current();
        return queue == null ? 0 : queue.statements.size();
    }

    /** Sends the waiting statements now, in one round trip; nothing happens when none wait. */
    public void flush() {
        Queue queue = current();
        if (queue == null || queue.statements.isEmpty()) {
            return;
        }
        List<Pending> batch = List.copyOf(queue.statements);
        queue.statements.clear();
        send(batch);
    }

    private List<Pending> queue() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("PendingWrites cần một giao dịch đang mở (a transaction must be active)");
        }
        Queue queue = current();
        if (queue == null) {
            queue = new Queue(key());
            TransactionSynchronizationManager.bindResource(queue.key, queue);
            TransactionSynchronizationManager.registerSynchronization(queue);
        }
        return queue.statements;
    }

    private @Nullable Queue current() {
        return (Queue) TransactionSynchronizationManager.getResource(key());
    }

    /**
     * The queue belongs to the transaction's connection, not to the thread: a transaction started with
     * REQUIRES_NEW inside another one gets its own queue, and the outer one's waits until the outer commit.
     */
    private Key key() {
        Object holder = TransactionSynchronizationManager.getResource(Objects.requireNonNull(jdbc.getDataSource()));
        return new Key(this, holder);
    }

    private record Key(PendingWrites owner, @Nullable Object connection) { }

    private void send(List<Pending> batch) {
        var sql = new StringBuilder();
        var values = new ArrayList<Object>();
        for (Pending p : batch) {
            var parsed = parsed(p.sql());
            var source = new MapSqlParameterSource(p.params());
            if (!sql.isEmpty()) {
                sql.append(";\n");
            }
            sql.append(NamedParameterUtils.substituteNamedParameters(parsed, source));
            for (Object value : NamedParameterUtils.buildValueArray(parsed, source, null)) {
                values.add(value);
            }
        }
        jdbc.execute((ConnectionCallback<Void>) con -> {
            try (PreparedStatement ps = con.prepareStatement(sql.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    StatementCreatorUtils.setParameterValue(ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, values.get(i));
                }
                ps.execute();
                for (int i = 0; i < batch.size(); i++) {
                    if (i > 0) {
                        ps.getMoreResults();
                    }
                    int count = ps.getUpdateCount();
                    Pending p = batch.get(i);
                    if (p.expectedRows() >= 0 && count != p.expectedRows()) {
                        throw new IncorrectUpdateSemanticsDataAccessException(
                                "expected " + p.expectedRows() + " row(s), changed " + count + ": " + p.sql());
                    }
                }
            }
            return null;
        });
    }

    private ParsedSql parsed(String sql) {
        ParsedSql known = parsedStatements.get(sql);
        if (known != null) {
            return known;
        }
        ParsedSql fresh = NamedParameterUtils.parseSqlStatement(sql);
        if (parsedStatements.size() < 1000) { // a caller that builds its SQL each time must not fill the heap
            parsedStatements.put(sql, fresh);
        }
        return fresh;
    }

    private record Pending(String sql, Map<String, ?> params, int expectedRows) { }

    private static final class Queue implements TransactionSynchronization {
        final Key key;
        final List<Pending> statements = new ArrayList<>();

        Queue(Key key) {
            this.key = key;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!statements.isEmpty()) {
                List<Pending> batch = List.copyOf(statements);
                statements.clear();
                key.owner().send(batch);
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }
    }
}
