package vn.motcua.platform.database;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.IntegrationTest;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pending writes go in one JDBC execution, in the order they were queued, inside the caller's transaction: they
 * commit with it and a failure among them rolls the whole transaction back. Runs on its own {@link PendingWrites}
 * over a data source that counts executions, on a scratch table.
 */
class PendingWritesTests extends IntegrationTest {

    @Autowired
    DataSource realDataSource;

    private final AtomicInteger executions = new AtomicInteger();
    private JdbcTemplate jdbc;
    private PendingWrites writes;
    private TransactionTemplate tx;

    @BeforeEach
    void scratchTable() {
        DataSource counting = countingExecutions(realDataSource);
        jdbc = new JdbcTemplate(counting);
        writes = new PendingWrites(jdbc);
        tx = new TransactionTemplate(new DataSourceTransactionManager(counting));
        jdbc.execute("create table if not exists public.pending_writes_test (id int primary key, note text not null)");
        jdbc.execute("truncate public.pending_writes_test");
    }

    @Test
    void queuedStatementsGoTogetherInOrderAtCommit() {
        tx.executeWithoutResult(status -> {
            writes.add("insert into public.pending_writes_test (id, note) values (:id, :note)", Map.of("id", 1, "note", "nhận"), 1);
            writes.add("update public.pending_writes_test set note = note || ' -> xử lý' where id = :id", Map.of("id", 1), 1);
            writes.add("insert into public.pending_writes_test (id, note) values (:id, :note)", Map.of("id", 2, "note", "khác"));
            assertThat(writes.size()).isEqualTo(3);
            // Not sent yet: a direct read in the same transaction runs before them.
            assertThat(jdbc.queryForObject("select count(*) from public.pending_writes_test", Integer.class)).isZero();
            executions.set(0);
        });
        assertThat(executions.get()).as("three statements, one execution").isEqualTo(1);
        assertThat(rows()).containsExactly("1 nhận -> xử lý", "2 khác");
    }

    @Test
    void flushSendsNowAndLaterReadsSeeTheRows() {
        tx.executeWithoutResult(status -> {
            writes.add("insert into public.pending_writes_test (id, note) values (:id, 'a')", Map.of("id", 7));
            writes.flush();
            assertThat(writes.size()).isZero();
            assertThat(jdbc.queryForObject("select note from public.pending_writes_test where id = 7", String.class)).isEqualTo("a");
        });
        assertThat(rows()).containsExactly("7 a");
    }

    @Test
    void anUnexpectedRowCountFailsTheCommitAndRollsEverythingBack() {
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            jdbc.update("insert into public.pending_writes_test (id, note) values (1, 'direct')");
            writes.add("insert into public.pending_writes_test (id, note) values (:id, 'queued')", Map.of("id", 2), 1);
            // An optimistic update of a row that is not there: zero rows, one expected.
            writes.add("update public.pending_writes_test set note = 'x' where id = :id", Map.of("id", 99), 1);
        })).isInstanceOf(IncorrectUpdateSemanticsDataAccessException.class);
        assertThat(rows()).isEmpty();
    }

    @Test
    void aViolatedConstraintFailsTheCommitAndRollsEverythingBack() {
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            jdbc.update("insert into public.pending_writes_test (id, note) values (1, 'direct')");
            writes.add("insert into public.pending_writes_test (id, note) values (:id, 'duplicate')", Map.of("id", 1));
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(rows()).isEmpty();
    }

    @Test
    void aNewTransactionInsideAnotherHasItsOwnQueue() {
        var inner = new TransactionTemplate(tx.getTransactionManager());
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            writes.add("insert into public.pending_writes_test (id, note) values (:id, 'outer')", Map.of("id", 1));
            inner.executeWithoutResult(s -> {
                assertThat(writes.size()).as("the outer queue is not the inner one's").isZero();
                writes.add("insert into public.pending_writes_test (id, note) values (:id, 'inner')", Map.of("id", 2));
            });
            assertThat(writes.size()).isEqualTo(1);
            throw new IllegalStateException("the outer transaction fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(rows()).containsExactly("2 inner");
    }

    @Test
    void rolledBackQueueIsDropped() {
        tx.executeWithoutResult(status -> {
            writes.add("insert into public.pending_writes_test (id, note) values (:id, 'gone')", Map.of("id", 1));
            status.setRollbackOnly();
        });
        tx.executeWithoutResult(status -> assertThat(writes.size()).isZero());
        assertThat(rows()).isEmpty();
    }

    @Test
    void refusesOutsideATransaction() {
        assertThatThrownBy(() -> writes.add("insert into public.pending_writes_test (id, note) values (1, 'x')", Map.of()))
                .isInstanceOf(IllegalStateException.class);
    }

    private List<String> rows() {
        return jdbc.queryForList("select id || ' ' || note from public.pending_writes_test order by id", String.class);
    }

    /** The data source with every {@code execute*} of its statements counted. */
    private DataSource countingExecutions(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{DataSource.class}, (p, m, args) -> {
            Object result = invoke(target, m, args);
            if (result instanceof Connection connection) {
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class}, (pc, mc, argsc) -> {
                    Object r = invoke(connection, mc, argsc);
                    if (r instanceof PreparedStatement statement) {
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{PreparedStatement.class}, (ps, ms, argss) -> {
                            if (ms.getName().startsWith("execute")) {
                                executions.incrementAndGet();
                            }
                            return invoke(statement, ms, argss);
                        });
                    }
                    return r;
                });
            }
            return result;
        });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
