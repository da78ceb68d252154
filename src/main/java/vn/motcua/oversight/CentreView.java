package vn.motcua.oversight;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the centre manager watches through the day: each desk officer's intake on {@code day}, the queues as of
 * {@code asOf} (online and postal dossiers waiting for the desk, results waiting to be handed over, dossiers out at
 * the agencies) and the waiting and handling times of the day, in minutes (null when there was nothing to time).
 */
public record CentreView(String scope, LocalDate day, Instant asOf, List<Officer> officers, long receivedToday, long refusedToday,
                         List<Queue> queues, @Nullable Long averageWaitMinutes, long waitCounted, @Nullable Long averageHandlingMinutes,
                         long handlingCounted, long returnedToday) {

    /** One officer's intake on the day: received by channel. {@code username} null: received with no officer known (imports). */
    public record Officer(@Nullable String username, String name, long received, long direct, long online, long postal) {
    }

    /** A queue now: how many wait, and since when the oldest has waited. */
    public record Queue(String code, String label, long waiting, @Nullable Instant oldestSince) {
    }

    /** Minutes as "2 ngày 3 giờ", "3 giờ 20 phút", "45 phút". */
    public static String duration(@Nullable Long minutes) {
        if (minutes == null) {
            return "—";
        }
        long m = Math.max(0, minutes);
        long days = m / (24 * 60);
        long hours = m % (24 * 60) / 60;
        long rest = m % 60;
        if (days > 0) {
            return days + " ngày " + hours + " giờ";
        }
        return hours > 0 ? hours + " giờ " + rest + " phút" : rest + " phút";
    }
}
