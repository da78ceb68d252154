package vn.motcua.organization;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;

/**
 * A user's access scope as a SQL predicate with its parameters, for lists that must show only what the user
 * may see: {@code "where " + filter.predicate()} and {@code filter.bind(statement)}. The parameters are
 * arrays of ids compared with {@code = any(...)}, so the statement does not grow with the organisation.
 */
public record SqlFilter(String predicate, Map<String, Object> params) {

    public SqlFilter {
        params = Map.copyOf(params);
    }

    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        return statement.params(params);
    }
}
