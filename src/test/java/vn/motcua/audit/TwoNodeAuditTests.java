package vn.motcua.audit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.IntegrationTest;
import vn.motcua.MotcuaApplication;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one database: this test's context (key {@code test2026}, sealing only when told) and a second one
 * that signs with the key {@code retired} and seals on its own schedule every 200 ms, as a node would during a
 * key rotation. Both write at once; seals stay one chain and both nodes verify the whole trail.
 */
class TwoNodeAuditTests extends IntegrationTest {

    static ConfigurableApplicationContext other;

    @Autowired
    AuditLog log;
    @Autowired
    AuditSealer sealer;
    @Autowired
    TransactionTemplate transactions;

    @BeforeAll
    static void startSecondNode(@Autowired Environment environment) {
        other = new SpringApplicationBuilder(MotcuaApplication.class).run(
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                "--server.port=0", "--motcua.demo-data.enabled=false",
                "--motcua.audit.key-id=retired", "--motcua.audit.seal-ms=200");
    }

    @AfterAll
    static void stopSecondNode() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void bothNodesWriteAtOnceAndTheSealsStayOneChain() throws Exception {
        var otherLog = other.getBean(AuditLog.class);
        var otherTransactions = other.getBean(TransactionTemplate.class);
        var stop = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        List<Long> written = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            boolean here = i % 2 == 0;
            writers.add(Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    var entry = (here ? transactions : otherTransactions).execute(s ->
                            (here ? log : otherLog).append("admin", "TWO_NODES", "node:" + (here ? "a" : "b"), "Hai máy chủ ghi cùng lúc"));
                    written.add(entry.id());
                }
            }));
        }
        for (int round = 0; round < 10; round++) {
            int before = written.size();
            sealer.sealNow(); // competes with the other node's scheduled sealer
            await().atMost(Duration.ofSeconds(20)).until(() -> written.size() >= before + 20); // more records to seal next round
        }
        stop.set(true);
        for (Thread w : writers) {
            w.join();
        }
        long newest = written.stream().mapToLong(Long::longValue).max().orElseThrow();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> log.recent(1000).stream().filter(e -> e.id() == newest).allMatch(AuditEntry::sealed));

        var here = log.verify(true);
        assertThat(here.intact()).as("%s", here).isTrue();
        var there = otherLog.verify(true);
        assertThat(there.intact()).as("%s", there).isTrue();
        assertThat(here.sealsChecked()).isEqualTo(there.sealsChecked());
        // Ids reserved in blocks per node never collide.
        assertThat(written).doesNotHaveDuplicates();
        // Seals were made by both nodes, under both keys.
        assertThat(log.exportSeals()).contains("key=retired").contains("key=test2026");
    }
}
