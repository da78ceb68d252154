package vn.motcua.bench;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.motcua.MotcuaApplication;
import vn.motcua.organization.ApiTokens;
import vn.motcua.organization.StaffDirectory;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

/**
 * Work-queue requests with a million dossiers in the database (DESIGN.md §6: desk and work-queue pages p95 ≤ 100 ms):
 * the whole application on {@value #DB}, the organisation of bench/org-1000.sql (1,019 agencies, 3,017 staff) and
 * the dossiers of bench/dossiers.sql, both loaded by this harness when the database lacks them (a first run takes a
 * few minutes; later runs reuse the data). Each queue is asked for by the user of its role who has the most dossiers
 * in scope, through the HTTP port (API calls with a personal access token, pages through a signed-in session), one
 * client at a time: 30 requests of warm-up, then the measured ones; p50, p95, p99 and the statement that took most
 * of the time.
 * <pre>
 * ./mvnw -Pbench test-compile exec:exec -Dbench.main=vn.motcua.bench.WorkQueueBenchmark -Djmh.args="1000000 200"
 * </pre>
 * Arguments: dossiers wanted in the database (1,000,000), measured requests per queue (200), then optionally the
 * JDBC URL of the database.
 */
public final class WorkQueueBenchmark {

    static final String DB = "motcua_bench_queues";

    /** A request to measure: who asks (a role, the busiest holder of it is chosen) and what. */
    record Target(String role, String path, boolean page) {
    }

    /**
     * The work queues of issue 11 (`GET /api/v1/dossiers?queue=…`, each answer a page of 50 with the counts of every
     * queue), the dossier page, and the desk's older lists (the search in scope, newest first, and the online
     * dossiers waiting); {@code {code}} is replaced by an open dossier of the user's agency.
     */
    static final List<Target> TARGETS = List.of(
            new Target("SPECIALIST", "/api/v1/dossiers?queue=mine", false),
            new Target("SPECIALIST", "/api/v1/dossiers?queue=unit", false),
            new Target("UNIT_HEAD", "/api/v1/dossiers?queue=unit", false),
            new Target("ASSIGNER", "/api/v1/dossiers?queue=unit", false),
            new Target("ASSIGNER", "/api/v1/dossiers?queue=due-today", false),
            new Target("ASSIGNER", "/api/v1/dossiers?queue=overdue", false),
            new Target("ASSIGNER", "/api/v1/dossiers?queue=due-soon", false),
            new Target("SIGNER", "/api/v1/dossiers?queue=overdue", false),
            new Target("DESK_OFFICER", "/api/v1/dossiers?queue=online-awaiting-acceptance", false),
            new Target("DESK_OFFICER", "/api/v1/dossiers?queue=awaiting-applicant", false),
            new Target("ADMIN", "/api/v1/dossiers?queue=overdue", false),
            new Target("SPECIALIST", "/api/v1/dossiers/{code}", false),
            new Target("SPECIALIST", "/api/v1/dossiers/{code}/actions", false),
            new Target("DESK_OFFICER", "/api/v1/dossiers/waiting", false),
            new Target("DESK_OFFICER", "/api/v1/dossiers", false),
            new Target("DESK_OFFICER", "/api/v1/dossiers?q=nguyen%20van%20an", false),
            new Target("DESK_OFFICER", "/quay", true));

    /** A queue stops after its requests or after this long, whichever comes first (slow lists would take minutes). */
    static final long TARGET_SECONDS = 30;

    public static void main(String[] args) throws Exception {
        int wanted = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String url = args.length > 2 ? args[2] : "jdbc:postgresql://127.0.0.1:5432/" + DB;
        String server = url.substring(0, url.lastIndexOf('/') + 1);
        String db = url.substring(url.lastIndexOf('/') + 1);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(ch.qos.logback.classic.Level.WARN);
        System.out.println(LifecycleComparison.machine());
        try (Connection admin = DriverManager.getConnection(server + "postgres", "postgres", "")) {
            if (LifecycleComparison.string(admin, "select count(*) from pg_database where datname = '" + db + "'").equals("0")) {
                LifecycleComparison.exec(admin, "create database " + db);
            }
        }
        var times = new StatementTimes();
        for (String property : new String[]{"spring.datasource.url=" + url, "spring.datasource.username=postgres",
                "spring.datasource.password=", "server.port=0", "motcua.demo-data.enabled=true", "motcua.demo-data.dossiers=0", "MOTCUA_MODE=demo",
                "logging.level.root=warn", "motcua.rate-limits-exempt=127.0.0.1,0:0:0:0:0:0:0:1",
                "motcua.audit.keys.bench=YmVuY2htYXJrLWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=", "motcua.audit.key-id=bench"}) {
            int eq = property.indexOf('=');
            System.setProperty(property.substring(0, eq), property.substring(eq + 1));
        }
        long t0 = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MotcuaApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                    @Override
                    public Object postProcessAfterInitialization(Object bean, String beanName) {
                        return bean instanceof HikariDataSource ds ? times.wrap(ds) : bean;
                    }
                })).run()) {
            System.out.printf("motcua started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            var jdbc = context.getBean(JdbcClient.class);
            load(jdbc, url, wanted);
            System.out.printf("database: %,d dossiers, %,d history rows, %,d agencies, %,d staff; %s%n",
                    jdbc.sql("select count(*) from dossier.dossier").query(Long.class).single(),
                    jdbc.sql("select count(*) from dossier.history").query(Long.class).single(),
                    jdbc.sql("select count(*) from organization.agency").query(Long.class).single(),
                    jdbc.sql("select count(*) from organization.staff").query(Long.class).single(),
                    jdbc.sql("select 'fsync=' || current_setting('fsync') || ' synchronous_commit=' || current_setting('synchronous_commit') || ' shared_buffers=' || current_setting('shared_buffers')")
                            .query(String.class).single());
            String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
            var rows = new ArrayList<String>();
            Map<String, User> users = new LinkedHashMap<>();
            for (Target target : TARGETS) {
                User user = users.computeIfAbsent(target.role(), role -> busiest(context, jdbc, role));
                String path = target.path().replace("{code}", user.someDossier());
                var client = target.page() ? user.session(base) : null;
                long warmUntil = System.nanoTime() + 10_000_000_000L;
                for (int i = 0; i < 30 && System.nanoTime() < warmUntil; i++) {
                    get(base, path, user, client);
                }
                times.reset();
                var latencies = new ConcurrentLinkedQueue<Long>();
                int bytes = 0;
                long until = System.nanoTime() + TARGET_SECONDS * 1_000_000_000L;
                for (int i = 0; i < requests && System.nanoTime() < until; i++) {
                    long s = System.nanoTime();
                    bytes = get(base, path, user, client);
                    latencies.add(System.nanoTime() - s);
                }
                long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
                String row = String.format(Locale.ROOT, "| %s | `%s` | %s | %d | %.1f ms | **%.1f ms** | %.1f ms | %,d B |", target.role(), path, user.label(), sorted.length,
                        sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6,
                        sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6, bytes);
                rows.add(row);
                System.out.println(row);
                times.top(3, requests).forEach(t -> System.out.println("    " + t));
            }
            System.out.println();
            System.out.println("| role | request | as | requests | p50 | p95 | p99 | answer |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            rows.forEach(System.out::println);
        }
    }

    /** Loads the organisation of 1,000 agencies and the dossiers when the database lacks them. */
    private static void load(JdbcClient jdbc, String url, int wanted) throws Exception {
        var m = Pattern.compile("jdbc:postgresql://([^:/]+):?(\\d*)/(.+)").matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException(url);
        }
        String host = m.group(1), port = m.group(2).isEmpty() ? "5432" : m.group(2), db = m.group(3);
        if (jdbc.sql("select count(*) from organization.agency").query(Long.class).single() < 1000) {
            psql(host, port, db, "bench/org-1000.sql", Map.of());
            // the nodes rebuild their organisation snapshot when the revision moves
            jdbc.sql("update organization.revision set value = value + 1").update();
            Thread.sleep(7000);
        }
        long have = jdbc.sql("select count(*) from dossier.dossier").query(Long.class).single();
        if (have < wanted * 0.99) {
            long t0 = System.nanoTime();
            psql(host, port, db, "bench/dossiers.sql", Map.of("count", Long.toString(wanted - have)));
            System.out.printf("generated %,d dossiers in %.0f s%n", wanted - have, (System.nanoTime() - t0) / 1e9);
        } else {
            psql(host, port, db, "bench/dossiers-processing.sql", Map.of()); // a database generated before migration V3
        }
    }

    private static void psql(String host, String port, String db, String file, Map<String, String> vars) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", port, "-U", "postgres", "-d", db));
        vars.forEach((k, v) -> command.addAll(List.of("-v", k + "=" + v)));
        command.addAll(List.of("-f", file));
        var process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    /** A user and how they sign in: a personal access token for the API, a session for pages. */
    record User(String username, String agency, String token, String someDossier) {
        String label() {
            return "`" + username + "` (" + agency + ")";
        }

        HttpClient session(String base) {
            try {
                var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
                String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
                var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
                if (!csrf.find()) {
                    throw new IllegalStateException("no CSRF token on the login page");
                }
                String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode("motcua@2026", StandardCharsets.UTF_8)
                        + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
                var answer = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
                    throw new IllegalStateException("sign-in of " + username + " failed: " + answer.statusCode() + " " + answer.headers().map());
                }
                return client;
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static int get(String base, String path, User user, HttpClient session) {
        try {
            var request = HttpRequest.newBuilder(URI.create(base + path)).GET();
            if (session == null) {
                request.header("Authorization", "Bearer " + user.token()).header("Accept", "application/json");
            }
            var response = (session == null ? HTTP : session).send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " as " + user.username() + ": " + response.statusCode() + " "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body().length;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The holder of {@code role} with the most dossiers where the role works: the receiving agency for desk officers,
     * the handling agency (of the role's agency or unit) for the others, the province for ADMIN.
     */
    private static User busiest(ConfigurableApplicationContext context, JdbcClient jdbc, String role) {
        String column = role.equals("DESK_OFFICER") ? "receiving_agency_id" : "handling_agency_id";
        var row = role.equals("ADMIN")
                ? jdbc.sql("select s.id, s.username, 'H36' as eid from organization.staff s where s.username = 'admin'").query().singleRow()
                : jdbc.sql("""
                        with n as (select %s as agency_id, count(*) as dossiers from dossier.dossier group by 1),
                             mine as (select step_assignee, count(*) as held from dossier.dossier where step_assignee is not null group by 1)
                        select s.id, s.username, a.electronic_id as eid
                        from organization.role_assignment r
                        join organization.staff s on s.id = r.staff_id
                        join organization.agency a on a.id = r.agency_id
                        left join n on n.agency_id = a.id
                        left join mine on mine.step_assignee = s.username
                        where r.role = :role and s.active
                        order by coalesce(mine.held, 0) desc, coalesce(n.dossiers, 0) desc, s.username
                        limit 1""".formatted(column)).param("role", role).query().singleRow();
        var id = (java.util.UUID) row.get("id");
        String username = (String) row.get("username");
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        String token = context.getBean(ApiTokens.class).issue(id, "bench " + System.currentTimeMillis(), LocalDate.now().plusDays(7)).secret();
        SecurityContextHolder.clearContext();
        String code = jdbc.sql("select code from dossier.dossier where " + (role.equals("ADMIN") ? "true" : column
                + " = (select id from organization.agency where electronic_id = :eid)") + " and state = 'IN_PROCESSING' and step_index is not null order by received_at desc limit 1")
                .param("eid", row.get("eid")).query(String.class).optional().orElse("none");
        context.getBean(StaffDirectory.class).byUsername(username).orElseThrow();
        return new User(username, (String) row.get("eid"), token, code);
    }
}
