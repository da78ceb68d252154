package vn.motcua.oversight;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a leader opens every morning: the on-time rate month by month, agencies side by side, the procedures with the
 * most late dossiers, a field × agency heat map of the on-time rate, and the units that held dossiers past their step
 * budget, for the agency's tree (or the province) and a period.
 */
public record Dashboard(String scope, String period, String periodLabel, HandlingFigures total, List<Point> trend,
                        List<Disclosure.Row> agencies, List<HandlingFigures> lateProcedures, HeatMap heatMap, List<LateUnit> lateUnits) {

    /** The on-time rate of one month of the trend (null: no dossier that month). */
    public record Point(String month, long counted, @Nullable BigDecimal onTimeRate) {
    }

    /** Rows are fields, columns agencies; a cell is the on-time rate (null: no dossier) and how many were counted. */
    public record HeatMap(List<String> fields, List<String> agencies, List<List<Cell>> cells) {
    }

    public record Cell(long counted, @Nullable BigDecimal onTimeRate) {
        /** A colour from red (0 %) through amber to green (100 %), grey without dossiers. */
        public String colour() {
            if (onTimeRate == null) {
                return "#e9ecef";
            }
            double r = onTimeRate.doubleValue() / 100;
            int red = (int) Math.round(r < 0.5 ? 220 : 220 - (r - 0.5) * 2 * 195);
            int green = (int) Math.round(r < 0.5 ? 53 + r * 2 * 140 : 193 - (r - 0.5) * 2 * 58);
            int blue = (int) Math.round(r < 0.5 ? 69 - r * 2 * 62 : 7 + (r - 0.5) * 2 * 77);
            return String.format("#%02x%02x%02x", red, green, blue);
        }
    }

    public record LateUnit(String agency, String unit, long lateHandOvers, long lateHours) {
    }
}
