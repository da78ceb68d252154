package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;

import vn.motcua.calendar.DurationUnit;

import java.time.LocalDate;
import java.util.List;

/**
 * One way to submit (trực tiếp, trực tuyến, bưu chính) with its processing time and fees.
 *
 * @param kind        DIRECT, ONLINE or POSTAL
 * @param timeAmount  the processing time's number, null when the source states none
 * @param timeUnit    the processing time's unit, or null when the source gives a bare number
 * @param timeText    the time as the source wrote it
 * @param fees        every fee of the channel as the source states it: the amount of the fee cell first, then the amounts
 *                    its description sets for a period or a case (a reduced rate until a date)
 * @param description the channel's own description (Mô tả), without the fee's
 */
public record Channel(String kind, @Nullable Integer timeAmount, @Nullable DurationUnit timeUnit, String timeText, List<Fee> fees,
                      String description) {

    public Channel {
        fees = fees == null ? List.of() : List.copyOf(fees);
        timeText = timeText == null ? "" : timeText;
        description = description == null ? "" : description;
    }

    /** A number of days or hours with no unit: a citizen cannot read it and the catalog officer must confirm it. */
    public boolean timeUnitMissing() {
        return timeAmount != null && timeUnit == null;
    }

    /** Whether the source states any processing time for this channel. */
    public boolean timeStated() {
        return timeAmount != null;
    }

    /**
     * A fee or charge as the source states it.
     *
     * @param basis          how the amount is set
     * @param amount         the amount in {@code currency}, null unless {@code basis} is FIXED
     * @param currency       VND, or USD for fees the source states in dollars
     * @param condition      the case or period the amount applies to, in the source's words (null: always)
     * @param validFrom      first day the amount applies, when the source gives one
     * @param validTo        last day the amount applies ("đến hết ngày 31/12/2026"), when the source gives one
     * @param legalReference the document that sets this amount when the source names one ("64/2025/TT-BTC")
     * @param description    the fee's description as the source wrote it (the fee cell's text in brackets)
     */
    public record Fee(Basis basis, @Nullable Long amount, String currency, @Nullable String condition, @Nullable LocalDate validFrom,
                      @Nullable LocalDate validTo, @Nullable String legalReference, String description) {

        /** How a fee's amount is set. */
        public enum Basis {
            /** An amount of money. */
            FIXED,
            /** No fee or charge. */
            FREE,
            /** Set by the provincial People's Council (Law on Fees and Charges 97/2015/QH13 Art. 21) or another local body. */
            SET_LOCALLY,
            /** The source says nothing about fees ("Không có thông tin"). */
            NOT_STATED
        }

        public Fee {
            basis = basis == null ? (amount != null && amount > 0 ? Basis.FIXED : Basis.FREE) : basis;
            currency = currency == null ? "VND" : currency;
            description = description == null ? "" : description;
        }

        /** An amount in VND with its description; 0 for "miễn phí". */
        public Fee(long amountVnd, String description) {
            this(amountVnd == 0 ? Basis.FREE : Basis.FIXED, amountVnd == 0 ? null : amountVnd, "VND", null, null, null, null, description);
        }

        /** The amount in VND: 0 when free, null when set elsewhere, not stated or in another currency. */
        public @Nullable Long amountVnd() {
            if (basis == Basis.FREE) {
                return 0L;
            }
            return basis == Basis.FIXED && currency.equals("VND") ? amount : null;
        }

        /** Whether the amount applies on a day: its period, when it has one, covers the day. */
        public boolean appliesOn(LocalDate day) {
            return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
        }
    }
}
