package vn.motcua.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.task.api.Task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The same lifecycle on Flowable 7, embedded, on its own database of the same PostgreSQL server: the instance starts
 * when the desk receives the dossier (with the dossier's code, procedure, applicant and due time as variables), then
 * five user tasks (appraise, review, sign, issue, return), each found with one task query and completed in a call of
 * its own, as an application serving one request per step would. History level {@code audit} (instances, tasks,
 * activities and variables kept in the ACT_HI_ tables); no async executor (the process has no timers); ids from
 * {@link StrongUuidGenerator}, which Flowable recommends for concurrent use; the connection pool is HikariCP, as ours.
 */
final class FlowableLifecycle implements Lifecycle, AutoCloseable {

    static final String[] STEPS = {"appraise", "review", "sign", "issue", "returnResult"};

    private final HikariDataSource pool;
    private final ProcessEngine engine;
    private final RuntimeService runtime;
    private final TaskService tasks;

    FlowableLifecycle(String url, int poolSize, JdbcCounts counts) {
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setPassword("");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("flowable");
        pool = new HikariDataSource(config);
        var cfg = new StandaloneProcessEngineConfiguration();
        cfg.setDataSource(counts.wrap(pool));
        cfg.setDatabaseSchemaUpdate("true");
        cfg.setHistoryLevel(HistoryLevel.AUDIT);
        cfg.setAsyncExecutorActivate(false);
        cfg.setIdGenerator(new StrongUuidGenerator());
        cfg.setDisableIdmEngine(true);
        cfg.setDisableEventRegistry(true);
        engine = cfg.buildProcessEngine();
        engine.getRepositoryService().createDeployment().name("bench")
                .addClasspathResource("bench/dossier-lifecycle.bpmn20.xml").enableDuplicateFiltering().deploy();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
    }

    @Override
    public String name() {
        return "Flowable " + ProcessEngine.class.getPackage().getImplementationVersion();
    }

    @Override
    public void prepare(int workers) {
    }

    @Override
    public void lifecycle(int worker, long n) {
        String code = "H36.10-%02d%07d".formatted(worker, n);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("code", code);
        variables.put("procedure", "2.000908");
        variables.put("applicant", "Người Nộp Số " + worker + " " + n);
        variables.put("dueAt", Instant.now().plus(5, ChronoUnit.DAYS).toString());
        String instance = runtime.startProcessInstanceByKey("dossierLifecycle", code, variables).getId();
        for (String step : STEPS) {
            Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
            if (task == null || !task.getTaskDefinitionKey().equals(step)) {
                throw new IllegalStateException("expected task " + step + " of " + code + ", found " + task);
            }
            tasks.complete(task.getId());
        }
    }

    /** Closes idle connections, whose backends then report their statistics to the server. */
    void evictIdle() {
        pool.getHikariPoolMXBean().softEvictConnections();
    }

    @Override
    public void close() {
        engine.close();
        pool.close();
    }
}
