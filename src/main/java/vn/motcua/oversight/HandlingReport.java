package vn.motcua.oversight;

import java.util.List;

/**
 * The periodic report of procedure handling for a month, quarter or year: the same figures by field and by
 * handling agency, with the total, for the agency's tree (or the province). Both groupings count the same dossiers,
 * so their columns add up to the same total.
 */
public record HandlingReport(String scope, String period, String periodLabel, List<HandlingFigures> byField,
                             List<HandlingFigures> byAgency, HandlingFigures total) {

    /** The report's columns, in the order the page, the CSV and the workbook show them. */
    public static final List<String> COLUMNS = List.of("Tổng số tiếp nhận", "Kỳ trước chuyển sang", "Mới tiếp nhận trực tiếp",
            "Mới tiếp nhận trực tuyến", "Mới tiếp nhận qua bưu chính", "Đã giải quyết", "Trước hạn", "Đúng hạn", "Quá hạn",
            "Trong đó từ chối", "Đang giải quyết", "Trong hạn", "Quá hạn (đang giải quyết)", "Dừng, rút hồ sơ", "Thư xin lỗi",
            "Tỷ lệ đúng hạn (%)");

    public static List<Object> values(HandlingFigures f) {
        return f.reportValues();
    }
}
