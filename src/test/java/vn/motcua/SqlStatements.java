package vn.motcua;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records the SQL statements each request runs, on the thread that serves it, for tests that must not see a
 * page grow with the organisation. A request sent with {@code X-Sql-Probe: <name>} has its statements kept under
 * that name; the filter wraps everything (sessions and security included), so what is counted is what the
 * request costs the database.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SqlStatements {

    public static final String PROBE = "X-Sql-Probe";
    private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();
    private static final Map<String, List<String>> BY_PROBE = new ConcurrentHashMap<>();

    /** The statements of the request sent with this probe name (empty when it ran none). */
    public static List<String> of(String probe) {
        return BY_PROBE.getOrDefault(probe, List.of());
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource dataSource) {
                    QueryExecutionListener listener = new QueryExecutionListener() {
                        @Override
                        public void beforeQuery(net.ttddyy.dsproxy.ExecutionInfo execution, List<net.ttddyy.dsproxy.QueryInfo> queries) {
                        }

                        @Override
                        public void afterQuery(net.ttddyy.dsproxy.ExecutionInfo execution, List<net.ttddyy.dsproxy.QueryInfo> queries) {
                            var recording = CURRENT.get();
                            if (recording != null) {
                                queries.forEach(q -> recording.add(q.getQuery()));
                            }
                        }
                    };
                    return ProxyDataSourceBuilder.create(dataSource).name("counting").listener(listener).build();
                }
                return bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<Filter> sqlProbe() {
        Filter filter = (request, response, chain) -> {
            String probe = ((HttpServletRequest) request).getHeader(PROBE);
            if (probe == null) {
                chain.doFilter(request, response);
                return;
            }
            var recording = new ArrayList<String>();
            CURRENT.set(recording);
            try {
                chain.doFilter(request, response);
            } finally {
                CURRENT.remove();
                BY_PROBE.put(probe, List.copyOf(recording));
            }
        };
        var registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
