package vn.motcua.dossier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.IntegrationTest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class DossierCodesTests extends IntegrationTest {

    @Autowired
    DossierCodes codes;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void sixteenDesksAtOnceGetEveryNumberOnceAndNoGap() throws Exception {
        UUID agency = UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 3, 2);
        Set<String> issued = ConcurrentHashMap.newKeySet();
        var start = new CountDownLatch(1);
        List<Thread> desks = new ArrayList<>();
        for (int d = 0; d < 16; d++) {
            desks.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                for (int i = 0; i < 25; i++) {
                    issued.add(transactions.execute(s -> codes.next(agency, "H36.50", day)).value());
                }
            }));
        }
        start.countDown();
        for (Thread desk : desks) {
            desk.join();
        }
        assertThat(issued).hasSize(400)
                .isEqualTo(IntStream.rangeClosed(1, 400).mapToObj(n -> "H36.50-260302-%04d".formatted(n)).collect(Collectors.toSet()));
    }

    @Test
    void aFailedIntakeConsumesNoNumber() {
        UUID agency = UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 3, 3);
        assertThat(transactions.execute(s -> codes.next(agency, "H36.50", day)).value()).isEqualTo("H36.50-260303-0001");
        transactions.executeWithoutResult(s -> {
            codes.next(agency, "H36.50", day);
            s.setRollbackOnly();
        });
        assertThat(transactions.execute(s -> codes.next(agency, "H36.50", day)).value()).isEqualTo("H36.50-260303-0002");
    }

    @Test
    void eachAgencyAndEachDayCountsFromOne() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        assertThat(transactions.execute(s -> codes.next(a, "H36.50", LocalDate.of(2026, 3, 4))).value()).endsWith("-260304-0001");
        assertThat(transactions.execute(s -> codes.next(b, "H36.201.01", LocalDate.of(2026, 3, 4))).value()).isEqualTo("H36.201.01-260304-0001");
        assertThat(transactions.execute(s -> codes.next(a, "H36.50", LocalDate.of(2026, 3, 5))).value()).isEqualTo("H36.50-260305-0001");
    }
}
