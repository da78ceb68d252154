package vn.motcua.calendar;

/**
 * A day of the Vietnamese lunar calendar (âm lịch).
 *
 * @param year      the lunar year, numbered as the solar year in which it mostly falls
 * @param month     1-12
 * @param day       1-30
 * @param leapMonth whether the month is the leap (nhuận) repetition of {@code month}
 */
public record LunarDate(int year, int month, int day, boolean leapMonth) {

    private static final String[] STEMS = {"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"};
    private static final String[] BRANCHES = {"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"};

    public LunarDate {
        if (month < 1 || month > 12 || day < 1 || day > 30) {
            throw new IllegalArgumentException("No lunar day " + day + "/" + month + "/" + year);
        }
    }

    /** The can-chi name of the year, for example "Bính Ngọ" for 2026 (Vietnam uses Mão and Sửu where China has the rabbit and ox). */
    public String yearName() {
        return yearName(year);
    }

    public static String yearName(int lunarYear) {
        return STEMS[Math.floorMod(lunarYear + 6, 10)] + " " + BRANCHES[Math.floorMod(lunarYear + 8, 12)];
    }
}
