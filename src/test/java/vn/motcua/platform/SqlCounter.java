package vn.motcua.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the SQL statements a request runs, for tests that guard pages against queries growing with data or
 * traffic. The test sends {@value #HEADER} with an id of its choice; every statement executed on that request's
 * thread is counted and {@link #statements(String)} answers after the response. Wraps the application's
 * {@link DataSource} in a JDBC proxy (no library; statements of other threads are not counted).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SqlCounter extends OncePerRequestFilter implements BeanPostProcessor {

    public static final String HEADER = "X-Test-Sql-Count";
    private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");
    private static final ThreadLocal<int[]> CURRENT = new ThreadLocal<>();
    private static final Map<String, Integer> COUNTS = new ConcurrentHashMap<>();

    /** Statements run by the request that carried {@code id} in {@value #HEADER}; -1 when none did. */
    public static int statements(String id) {
        return COUNTS.getOrDefault(id, -1);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getHeader(HEADER);
        if (id == null) {
            chain.doFilter(request, response);
            return;
        }
        var count = new int[1];
        CURRENT.set(count);
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
            COUNTS.put(id, count[0]);
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource ds && !Proxy.isProxyClass(bean.getClass()) ? wrap(ds, DataSource.class) : bean;
    }

    @SuppressWarnings("unchecked")
    private static <T> T wrap(T target, Class<T> type) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (target instanceof Statement && EXECUTE.contains(method.getName())) {
                var count = CURRENT.get();
                if (count != null) {
                    count[0]++;
                }
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Connection c && !(result instanceof Proxy)) {
                return wrap(c, Connection.class);
            }
            if (result instanceof java.sql.CallableStatement s) {
                return wrap(s, java.sql.CallableStatement.class);
            }
            if (result instanceof java.sql.PreparedStatement s) {
                return wrap(s, java.sql.PreparedStatement.class);
            }
            if (result instanceof Statement s) {
                return wrap(s, Statement.class);
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
