package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Solar ↔ lunar conversion for Vietnam, by the astronomical method Hồ Ngọc Đức published for the
 * Vietnamese calendar: new moons and the sun's longitude from Meeus' approximations, evaluated at
 * UTC+7 (the meridian Vietnam has used since 1968). The same method at UTC+8 gives the Chinese calendar;
 * the offset is why Tết differs in some years (1985: 21 January in Vietnam, 20 February in China;
 * 2007: 17 February against 18 February). Valid for 1900-2199.
 */
public final class LunarCalendar {

    static final double TIME_ZONE = 7.0;
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2199;
    private static final double SYNODIC_MONTH = 29.530588853;
    private static final double EPOCH = 2415021.076998695;
    private static final long JULIAN_DAY_OF_EPOCH_DAY_0 = 2440588;

    private LunarCalendar() {
    }

    public static LunarDate toLunar(LocalDate date) {
        checkRange(date.getYear());
        long dayNumber = julianDay(date);
        long k = (long) Math.floor((dayNumber - EPOCH) / SYNODIC_MONTH);
        long monthStart = newMoonDay(k + 1);
        while (monthStart > dayNumber) {
            // the mean-month estimate of k can run one month ahead (first seen on 1/5/2054)
            monthStart = newMoonDay(k--);
        }
        int yy = date.getYear();
        long a11 = lunarMonth11(yy);
        long b11 = a11;
        int lunarYear;
        if (a11 >= monthStart) {
            lunarYear = yy;
            a11 = lunarMonth11(yy - 1);
        } else {
            lunarYear = yy + 1;
            b11 = lunarMonth11(yy + 1);
        }
        int lunarDay = (int) (dayNumber - monthStart + 1);
        int diff = (int) Math.floor((monthStart - a11) / 29.0);
        boolean leap = false;
        int lunarMonth = diff + 11;
        if (b11 - a11 > 365) {
            int leapMonthDiff = leapMonthOffset(a11);
            if (diff >= leapMonthDiff) {
                lunarMonth = diff + 10;
                leap = diff == leapMonthDiff;
            }
        }
        if (lunarMonth > 12) {
            lunarMonth -= 12;
        }
        if (lunarMonth >= 11 && diff < 4) {
            lunarYear -= 1;
        }
        return new LunarDate(lunarYear, lunarMonth, lunarDay, leap);
    }

    /** The solar date of a lunar day, or empty when that day or leap month does not exist. */
    public static Optional<LocalDate> toSolar(LunarDate lunar) {
        checkRange(lunar.year());
        int month = lunar.month();
        long a11;
        long b11;
        if (month < 11) {
            a11 = lunarMonth11(lunar.year() - 1);
            b11 = lunarMonth11(lunar.year());
        } else {
            a11 = lunarMonth11(lunar.year());
            b11 = lunarMonth11(lunar.year() + 1);
        }
        int off = month - 11;
        if (off < 0) {
            off += 12;
        }
        if (b11 - a11 > 365) {
            int leapOff = leapMonthOffset(a11);
            int leapMonth = leapOff - 2;
            if (leapMonth < 0) {
                leapMonth += 12;
            }
            if (lunar.leapMonth() && month != leapMonth) {
                return Optional.empty();
            } else if (lunar.leapMonth() || off >= leapOff) {
                off += 1;
            }
        } else if (lunar.leapMonth()) {
            return Optional.empty();
        }
        long k = (long) Math.floor(0.5 + (a11 - EPOCH) / SYNODIC_MONTH);
        long monthStart = newMoonDay(k + off);
        var date = fromJulianDay(monthStart + lunar.day() - 1);
        return toLunar(date).equals(lunar) ? Optional.of(date) : Optional.empty();
    }

    /** Mùng 1 Tết: the first day of lunar year {@code year}. */
    public static LocalDate lunarNewYear(int year) {
        return toSolar(new LunarDate(year, 1, 1, false)).orElseThrow();
    }

    private static void checkRange(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw CalendarProblem.lunarOutOfRange(year);
        }
    }

    static long julianDay(LocalDate date) {
        return date.toEpochDay() + JULIAN_DAY_OF_EPOCH_DAY_0;
    }

    static LocalDate fromJulianDay(long jd) {
        return LocalDate.ofEpochDay(jd - JULIAN_DAY_OF_EPOCH_DAY_0);
    }

    /** Julian day of the k-th new moon after 1 January 1900, at local time. */
    private static long newMoonDay(long k) {
        return (long) Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
    }

    /** Meeus, Astronomical Algorithms (1998), ch. 49, as simplified by Hồ Ngọc Đức. */
    private static double newMoon(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double dr = Math.PI / 180;
        double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
        jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
        double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m);
        c1 = c1 - 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr);
        c1 = c1 - 0.0004 * Math.sin(dr * 3 * mpr);
        c1 = c1 + 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr));
        c1 = c1 - 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m));
        c1 = c1 - 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr));
        c1 = c1 + 0.0010 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
        double deltaT = t < -11
                ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
                : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return jd1 + c1 - deltaT;
    }

    /** The sun's apparent longitude at a Julian day, in radians within [0, 2π). */
    private static double sunLongitude(double jdn) {
        double t = (jdn - 2451545.0) / 36525;
        double t2 = t * t;
        double dr = Math.PI / 180;
        double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m);
        dl = dl + (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.000290 * Math.sin(dr * 3 * m);
        double l = (l0 + dl) * dr;
        return l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
    }

    /** Which of the twelve 30° sectors the sun is in at the start of a local day. */
    private static int sunSector(long dayNumber) {
        return (int) Math.floor(sunLongitude(dayNumber - 0.5 - TIME_ZONE / 24) / Math.PI * 6);
    }

    /** Start of the 11th lunar month (the one holding the winter solstice) before the end of {@code year}. */
    private static long lunarMonth11(int year) {
        long off = julianDay(LocalDate.of(year, 12, 31)) - 2415021;
        long k = (long) Math.floor(off / SYNODIC_MONTH);
        long nm = newMoonDay(k);
        if (sunSector(nm) >= 9) {
            nm = newMoonDay(k - 1);
        }
        return nm;
    }

    /** In a 13-month year, the offset after month 11 of the first month without a major solar term: the leap month. */
    private static int leapMonthOffset(long a11) {
        long k = (long) Math.floor((a11 - EPOCH) / SYNODIC_MONTH + 0.5);
        int last;
        int i = 1;
        int arc = sunSector(newMoonDay(k + i));
        do {
            last = arc;
            i++;
            arc = sunSector(newMoonDay(k + i));
        } while (arc != last && i < 14);
        return i - 1;
    }
}
