package vn.motcua.bench;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Time spent in each SQL statement (by its text), measured around the JDBC {@code execute…} call on the thread that
 * runs it: which query a slow request waits for. A proxy around the {@link DataSource}, as {@link JdbcCounts}.
 */
public final class StatementTimes {

    private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    record Total(LongAdder count, LongAdder nanos) {
    }

    private final Map<String, Total> totals = new ConcurrentHashMap<>();

    public void reset() {
        totals.clear();
    }

    /** The statements that took most time since the last reset: "mean ms × count: sql". */
    public List<String> top(int n, long requests) {
        return totals.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Total> e) -> e.getValue().nanos().sum()).reversed())
                .limit(n)
                .map(e -> String.format(Locale.ROOT, "%.2f ms each, %.1f per request: %s", e.getValue().nanos().sum() / 1e6 / e.getValue().count().sum(),
                        e.getValue().count().sum() / (double) requests, e.getKey().replaceAll("\\s+", " ")))
                .toList();
    }

    public DataSource wrap(DataSource target) {
        return wrap(target, DataSource.class, null);
    }

    @SuppressWarnings("unchecked")
    private <T> T wrap(T target, Class<T> type, String sql) {
        InvocationHandler handler = (proxy, method, args) -> {
            boolean timed = target instanceof Statement && EXECUTE.contains(method.getName());
            long t0 = timed ? System.nanoTime() : 0;
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                if (timed) {
                    String text = args != null && args.length > 0 && args[0] instanceof String s ? s : sql;
                    var total = totals.computeIfAbsent(text == null ? "?" : text, k -> new Total(new LongAdder(), new LongAdder()));
                    total.count().increment();
                    total.nanos().add(System.nanoTime() - t0);
                }
            }
            if (result instanceof Connection c) {
                return wrap(c, Connection.class, null);
            }
            if (result instanceof PreparedStatement ps) {
                return wrap(ps, PreparedStatement.class, args != null && args.length > 0 && args[0] instanceof String s ? s : null);
            }
            if (result instanceof Statement s) {
                return wrap(s, Statement.class, null);
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(StatementTimes.class.getClassLoader(), new Class<?>[]{type}, handler);
    }
}
