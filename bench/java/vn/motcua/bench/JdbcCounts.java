package vn.motcua.bench;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a workload sends to PostgreSQL, counted at the JDBC boundary: each {@code execute…} call is one round trip
 * (PgJDBC sends a prepared statement, a multi-statement string or a batch with one Sync and waits once), each
 * {@code commit}/{@code rollback} another; statements are also told apart by their first word. A
 * {@link java.lang.reflect.Proxy} around the {@link DataSource}, its connections and their statements: no library, and
 * every thread that uses the data source is counted (listeners and pollers too), so counts are taken while only the
 * workload runs. PgJDBC sends {@code BEGIN} together with the first statement of a transaction, so it is no round
 * trip of its own; {@code setAutoCommit(true)} on an open transaction commits it (one round trip, counted as a
 * commit). The pool's own rollback of a returned connection happens beneath the proxy and is not counted here (the
 * server's statistics, which the comparison prints too, see it).
 */
public final class JdbcCounts {

    private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    public final LongAdder roundTrips = new LongAdder();
    public final LongAdder commits = new LongAdder();
    public final LongAdder rollbacks = new LongAdder();
    public final LongAdder selects = new LongAdder();
    public final LongAdder inserts = new LongAdder();
    public final LongAdder updates = new LongAdder();
    public final LongAdder deletes = new LongAdder();
    public final LongAdder others = new LongAdder();
    private volatile boolean on;

    public void start() {
        for (LongAdder a : new LongAdder[]{roundTrips, commits, rollbacks, selects, inserts, updates, deletes, others}) {
            a.reset();
        }
        on = true;
    }

    public void stop() {
        on = false;
    }

    /** Per unit of work (a lifecycle, a transition): "round trips 7.0, commits 6.0, statements: 3.0 select, …". */
    public String per(double units) {
        return String.format(Locale.ROOT, "round trips %.1f (commits %.1f, rollbacks %.1f); statements sent: %.1f select, %.1f insert, %.1f update, %.1f delete, %.1f other",
                (roundTrips.sum() + commits.sum() + rollbacks.sum()) / units, commits.sum() / units, rollbacks.sum() / units,
                selects.sum() / units, inserts.sum() / units, updates.sum() / units, deletes.sum() / units, others.sum() / units);
    }

    public DataSource wrap(DataSource target) {
        return wrap(target, DataSource.class, null, new boolean[1]);
    }

    @SuppressWarnings("unchecked")
    private <T> T wrap(T target, Class<T> type, String sql, boolean[] open) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (target instanceof Statement && EXECUTE.contains(name)) {
                open[0] = true;
            }
            if (on) {
                if (target instanceof Connection && name.equals("setAutoCommit") && Boolean.TRUE.equals(args[0]) && open[0]
                        && !((Connection) target).getAutoCommit()) {
                    commits.increment(); // PgJDBC commits the open transaction (MyBatis does so after a query)
                } else if (target instanceof Statement && EXECUTE.contains(name)) {
                    roundTrips.increment();
                    if (!name.endsWith("Batch")) {
                        classify(args != null && args.length > 0 && args[0] instanceof String s ? s : sql);
                    }
                } else if (target instanceof Statement && name.equals("addBatch")) {
                    classify(args != null && args.length > 0 && args[0] instanceof String s ? s : sql);
                } else if (target instanceof Connection && name.equals("commit")) {
                    commits.increment();
                } else if (target instanceof Connection && name.equals("rollback") && (args == null || args.length == 0)) {
                    rollbacks.increment();
                }
            }
            if (target instanceof Connection && (name.equals("commit") || name.equals("rollback") && (args == null || args.length == 0)
                    || name.equals("setAutoCommit") || name.equals("close"))) {
                open[0] = false;
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Connection c) {
                return wrap(c, Connection.class, null, new boolean[1]);
            }
            if (result instanceof PreparedStatement ps) {
                return wrap(ps, (Class<PreparedStatement>) (Class<?>) (result instanceof java.sql.CallableStatement
                        ? java.sql.CallableStatement.class : PreparedStatement.class), args != null && args.length > 0 && args[0] instanceof String s ? s : null, open);
            }
            if (result instanceof Statement s) {
                return wrap(s, Statement.class, null, open);
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(JdbcCounts.class.getClassLoader(), new Class<?>[]{type}, handler);
    }

    private void classify(String sql) {
        if (sql == null) {
            others.increment();
            return;
        }
        // a multi-statement string (PendingWrites) counts each of its statements
        for (String part : sql.split(";")) {
            String s = part.strip().toLowerCase(Locale.ROOT);
            if (s.isEmpty()) {
                continue;
            }
            if (s.startsWith("with")) { // a CTE: count what it ends with
                s = s.contains("insert into") ? "insert" : s.contains("update ") ? "update" : s.contains("delete ") ? "delete" : "select";
            }
            if (s.startsWith("select")) {
                selects.increment();
            } else if (s.startsWith("insert")) {
                inserts.increment();
            } else if (s.startsWith("update")) {
                updates.increment();
            } else if (s.startsWith("delete")) {
                deletes.increment();
            } else {
                others.increment();
            }
        }
    }
}
