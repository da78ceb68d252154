package vn.motcua.calendar;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Deadline arithmetic on one thread (targets: ≥ 5 M add/count working days per second for any distance up to
 * ten years; ≥ 1 M WORKING_HOUR deadlines per second). Inputs are random dates in 2011-2090 with distances up
 * to ten years, drawn once so that the measurement is the arithmetic, not the random generator.
 * Run: {@code ./mvnw -Pbench test-compile exec:exec -Djmh.args="WorkingTimeBenchmark"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class WorkingTimeBenchmark {

    private static final int N = 4096;
    private final LocalDate[] dates = new LocalDate[N];
    private final LocalDate[] later = new LocalDate[N];
    private final int[] workingDays = new int[N];
    private final LocalDateTime[] starts = new LocalDateTime[N];
    private final int[] hours = new int[N];
    private DayIndex days;
    private WorkingTimeIndex time;
    private int i;

    @Setup
    public void setUp() {
        days = TestCalendars.shipped();
        time = TestCalendars.defaultHours();
        var random = new SplittableRandom(2026);
        for (int k = 0; k < N; k++) {
            dates[k] = LocalDate.of(2011, 1, 1).plusDays(random.nextInt(29_000));
            later[k] = dates[k].plusDays(random.nextInt(3653));
            workingDays[k] = random.nextInt(2_600);
            starts[k] = dates[k].atStartOfDay().plusMinutes(random.nextInt(24 * 60));
            hours[k] = random.nextInt(400);
        }
    }

    @Benchmark
    public LocalDate addWorkingDays() {
        int k = i++ & (N - 1);
        return days.addWorkingDays(dates[k], workingDays[k]);
    }

    @Benchmark
    public int countWorkingDays() {
        int k = i++ & (N - 1);
        return days.countWorkingDays(dates[k], later[k]);
    }

    @Benchmark
    public LocalDateTime workingHourDeadline() {
        int k = i++ & (N - 1);
        return time.due(starts[k], hours[k], DurationUnit.WORKING_HOUR);
    }
}
