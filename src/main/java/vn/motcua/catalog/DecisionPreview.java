package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;
import vn.motcua.platform.DomainProblem.InvalidParam;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What applying a decision would do now: per item, the version in force it closes and the components it changes;
 * what stands in the way ({@code problems}: nothing can be applied while there is one); and the {@code digest} that
 * the confirmation must carry, so that what is applied is exactly what was shown.
 */
public record DecisionPreview(Decision decision, List<ItemPreview> items, List<InvalidParam> problems, String digest) {

    /**
     * @param currentName    the name of the version in force (null when none is)
     * @param currentVersion its number, and {@code currentFrom} the day it took effect
     * @param changed        the components of Decree 63/2010 Art. 8 an amendment changes, in Vietnamese
     */
    public record ItemPreview(String code, Decision.Change change, @Nullable String currentName, @Nullable String newName,
                              @Nullable Integer currentVersion, @Nullable LocalDate currentFrom, List<String> changed,
                              @Nullable String replacedBy) {
    }

    public boolean applicable() {
        return problems.isEmpty();
    }

    public long count(Decision.Change change) {
        return items.stream().filter(i -> i.change() == change).count();
    }

    /** The day the versions it closes end: the day before it takes effect. */
    public LocalDate lastDayOfClosedVersions() {
        return decision.effectiveDate().minusDays(1);
    }

    static List<String> changedComponents(ProcedureRecord before, ProcedureRecord after) {
        var out = new ArrayList<String>();
        compare(out, "Tên thủ tục", before.name(), after.name());
        compare(out, "Lĩnh vực", before.field(), after.field());
        compare(out, "Cấp thực hiện", before.levels(), after.levels());
        compare(out, "Trình tự thực hiện", before.steps(), after.steps());
        compare(out, "Cách thức, thời hạn, phí", before.channels(), after.channels());
        compare(out, "Thành phần hồ sơ", before.documents(), after.documents());
        compare(out, "Đối tượng thực hiện", before.applicants(), after.applicants());
        compare(out, "Cơ quan thực hiện", before.implementingAgency(), after.implementingAgency());
        compare(out, "Kết quả", before.results(), after.results());
        compare(out, "Căn cứ pháp lý", before.legalBasis(), after.legalBasis());
        compare(out, "Yêu cầu, điều kiện", before.conditions(), after.conditions());
        compare(out, "Mức độ trực tuyến", before.onlineLevel(), after.onlineLevel());
        return out;
    }

    private static void compare(List<String> out, String component, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(component);
        }
    }
}
