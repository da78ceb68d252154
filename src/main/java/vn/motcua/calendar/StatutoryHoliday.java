package vn.motcua.calendar;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * One public holiday as the law in force defines it, with the dates that law applies (table
 * calendar.statutory_holiday: the Labor Codes are data, so a new holiday such as the proposed 24/11 is a row).
 *
 * @param rule   how the day is found: {@code SOLAR} (month/day), {@code LUNAR} (lunar month/day),
 *               {@code LUNAR_NEW_YEAR} (the eve and the first days of the lunar year, {@code length} days) or
 *               {@code NATIONAL_DAY_ADJACENT} (the day next to 2/9 the Government usually picks)
 * @param length how many consecutive days
 */
public record StatutoryHoliday(String name, String rule, int month, int day, int length, LocalDate validFrom,
                               @Nullable LocalDate validTo) {

    boolean inForceOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }
}
