package vn.motcua.organization;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import vn.motcua.organization.ImportReport.RejectedRow;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads the agency CSV: header {@code electronicId,name,type,parentElectronicId,validFrom,validTo},
 * UTF-8 (a BOM is fine), dates as {@code dd/MM/yyyy} or {@code yyyy-MM-dd}, the type as its code or a Vietnamese
 * name ({@link AgencyType#fromWritten}: "UBND xã", "Ủy ban nhân dân xã"). A parent may be an agency
 * already stored or one defined anywhere in the same file. Every bad row is reported, not just the first.
 */
final class AgencyCsvImport {

    static final List<String> HEADER = List.of("electronicId", "name", "type", "parentElectronicId", "validFrom", "validTo");
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private AgencyCsvImport() {
    }

    record Row(int line, ElectronicId electronicId, String name, AgencyType type, @Nullable String parentElectronicId,
               LocalDate validFrom, @Nullable LocalDate validTo) {

        boolean sameAs(AgencyView stored, @Nullable UUID parentId) {
            return stored.name().equals(name) && stored.type() == type && java.util.Objects.equals(stored.parentId(), parentId)
                    && stored.validFrom().equals(validFrom) && java.util.Objects.equals(stored.validTo(), validTo);
        }
    }

    record Parsed(List<Row> rows, List<RejectedRow> rejected) {

        /** Rows ordered so that a parent defined in the file comes before its children. */
        List<Row> rowsParentsFirst() {
            Map<String, Row> byId = new LinkedHashMap<>();
            rows.forEach(r -> byId.put(r.electronicId().value(), r));
            var ordered = new ArrayList<Row>();
            var placed = new java.util.HashSet<String>();
            for (Row row : rows) {
                place(row, byId, placed, ordered);
            }
            return ordered;
        }

        private static void place(Row row, Map<String, Row> byId, Set<String> placed, List<Row> ordered) {
            if (placed.contains(row.electronicId().value())) {
                return;
            }
            placed.add(row.electronicId().value());
            if (row.parentElectronicId() != null && byId.containsKey(row.parentElectronicId())) {
                place(byId.get(row.parentElectronicId()), byId, placed, ordered);
            }
            ordered.add(row);
        }
    }

    static Parsed parse(Reader reader, Province province, Function<String, Optional<AgencyView>> stored) throws IOException {
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        var rows = new ArrayList<Row>();
        var rejected = new ArrayList<RejectedRow>();
        try (var parser = format.parse(new BomSkippingReader(reader))) {
            var missing = HEADER.stream().filter(h -> !parser.getHeaderNames().contains(h)).toList();
            if (!missing.isEmpty()) {
                return new Parsed(List.of(), List.of(new RejectedRow(1, "", "Thiếu cột: " + String.join(", ", missing)
                        + ". Dòng tiêu đề phải là: " + String.join(",", HEADER))));
            }
            var seen = new LinkedHashMap<String, Integer>();
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber() + 1;
                String rawId = value(record, "electronicId");
                var errors = new ArrayList<String>();
                if (!record.isConsistent()) {
                    errors.add("số cột không khớp dòng tiêu đề (" + record.size() + " thay vì " + HEADER.size() + ")");
                }
                ElectronicId id = null;
                try {
                    id = new ElectronicId(rawId);
                    if (seen.containsKey(id.value())) {
                        errors.add("mã định danh trùng với dòng " + seen.get(id.value()));
                    }
                    seen.putIfAbsent(id.value(), line);
                } catch (InvalidElectronicId e) {
                    errors.add("mã định danh '" + rawId + "' không đúng QĐ 20/2020/QĐ-TTg");
                }
                String name = value(record, "name");
                if (name.isEmpty()) {
                    errors.add("thiếu tên cơ quan");
                }
                AgencyType type = AgencyType.fromWritten(value(record, "type")).orElse(null);
                if (type == null) {
                    errors.add("loại cơ quan '" + value(record, "type") + "' không hợp lệ (ghi một trong: " + AgencyType.accepted() + ")");
                }
                if (id != null && type != null) {
                    checkBelongsToProvince(id, type, province).ifPresent(errors::add);
                }
                LocalDate from = date(record, "validFrom", errors, true);
                LocalDate to = date(record, "validTo", errors, false);
                if (from != null && to != null && to.isBefore(from)) {
                    errors.add("ngày hết hiệu lực trước ngày có hiệu lực");
                }
                String parent = value(record, "parentElectronicId").toUpperCase(Locale.ROOT);
                if (!errors.isEmpty()) {
                    rejected.add(new RejectedRow(line, rawId, String.join("; ", errors)));
                } else {
                    rows.add(new Row(line, id, name, type, parent.isEmpty() ? null : parent, from, to));
                }
            }
        }
        var inFile = rows.stream().map(r -> r.electronicId().value()).collect(java.util.stream.Collectors.toSet());
        for (Row row : rows) {
            String parent = row.parentElectronicId();
            if (parent != null && (parent.equals(row.electronicId().value()) || (!inFile.contains(parent) && stored.apply(parent).isEmpty()))) {
                rejected.add(new RejectedRow(row.line(), row.electronicId().value(), "cơ quan cấp trên '" + parent + "' không có trong tệp lẫn trong hệ thống"));
            }
        }
        rejected.sort(java.util.Comparator.comparingInt(RejectedRow::row));
        return new Parsed(rows, rejected);
    }

    /**
     * Agencies of the province carry its level-1 code (H36 for Lâm Đồng); vertical-sector agencies belong to
     * their ministry's code and are the exception.
     */
    static Optional<String> checkBelongsToProvince(ElectronicId id, AgencyType type, Province province) {
        if (type != AgencyType.VERTICAL_SECTOR_AGENCY && !id.root().equals(province.electronicId())) {
            return Optional.of("mã " + id + " không thuộc tỉnh " + province.name() + " (phải bắt đầu bằng " + province.electronicId() + ")");
        }
        return Optional.empty();
    }

    private static @Nullable LocalDate date(CSVRecord record, String column, List<String> errors, boolean required) {
        String raw = value(record, column);
        if (raw.isEmpty()) {
            if (required) {
                errors.add("thiếu " + column);
            }
            return null;
        }
        try {
            return raw.contains("/") ? LocalDate.parse(raw, VIETNAMESE_DATE) : LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            errors.add(column + " '" + raw + "' không phải ngày (dd/MM/yyyy)");
            return null;
        }
    }

    private static String value(CSVRecord record, String column) {
        return record.isSet(column) ? record.get(column).strip() : "";
    }

    /** Excel writes UTF-8 CSV with a byte-order mark; the header must not start with it. */
    private static final class BomSkippingReader extends java.io.FilterReader {
        private boolean first = true;

        BomSkippingReader(Reader in) {
            super(in);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (first && n > 0) {
                first = false;
                if (buffer[offset] == '\uFEFF') {
                    System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                    return n - 1 == 0 ? read(buffer, offset, length) : n - 1;
                }
            }
            return n;
        }
    }
}
