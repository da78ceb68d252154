package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;

import vn.motcua.calendar.DurationUnit;

import java.util.List;

/**
 * One way to submit (trực tiếp, trực tuyến, bưu chính) with its processing time and fees.
 *
 * @param kind        DIRECT, ONLINE or POSTAL
 * @param timeAmount  the processing time's number, null when the source states none
 * @param timeUnit    the processing time's unit, or null when the source gives a bare number
 * @param timeText    the time as the source wrote it
 */
public record Channel(String kind, @Nullable Integer timeAmount, @Nullable DurationUnit timeUnit, String timeText, List<Fee> fees,
                      String description) {

    /** A fee or charge in VND with the condition it applies under; amount 0 for "miễn phí". */
    public record Fee(long amountVnd, String description) {
    }
}
