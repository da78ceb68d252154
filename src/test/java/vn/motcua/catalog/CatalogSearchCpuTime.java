package vn.motcua.catalog;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * CPU time per catalog search on the thread that searches, for machines too loaded for wall-clock percentiles (see
 * docs/benchmarks.md, issue 9). Same index and queries as {@link CatalogSearchBenchmark}.
 * Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=vn.motcua.catalog.CatalogSearchCpuTime -Djmh.args=}.
 */
public class CatalogSearchCpuTime {
    public static void main(String[] args) throws Exception {
        var b = new CatalogSearchBenchmark();
        b.setUp();
        var bean = ManagementFactory.getThreadMXBean();
        int n = CatalogSearchBenchmark.QUERIES.length * 300;
        for (int i = 0; i < n; i++) b.search(); // warm-up
        long[] cpu = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = bean.getCurrentThreadCpuTime();
            b.search();
            cpu[i] = bean.getCurrentThreadCpuTime() - t0;
        }
        Arrays.sort(cpu);
        System.out.printf("CPU per search over %d searches: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, mean %.2f ms%n", n,
                cpu[n / 2] / 1e6, cpu[n * 9 / 10] / 1e6, cpu[n * 99 / 100] / 1e6, cpu[n * 999 / 1000] / 1e6, Arrays.stream(cpu).average().orElse(0) / 1e6);
        b.tearDown();
    }
}
