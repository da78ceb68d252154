package vn.motcua.catalog.web;

import org.jspecify.annotations.Nullable;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.catalog.Channel;
import vn.motcua.catalog.LegalBasis;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.ProcedureRecord;
import vn.motcua.catalog.RequiredDocument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The content of a NEW or AMENDED item as a catalog officer edits it on the draft page: the components of Decree
 * 63/2010 Art. 8 as text, lists one entry per line. An amendment starts from the version in force, and a list whose
 * lines the officer left as they were keeps its entries whole (counts, forms and fees the form does not show).
 */
record DecisionItemForm(String name, String field, List<ProcedureLevel> levels, OnlineLevel onlineLevel, String applicants,
                        String implementingAgency, String steps, @Nullable Integer timeAmount, @Nullable DurationUnit timeUnit,
                        String documents, String results, String legalBasis, String conditions) {

    private static final Pattern COUNT = Pattern.compile("^(.*?):\\s*(?:(\\d+) bản chính)?\\s*,?\\s*(?:(\\d+) bản sao)?\\s*$");

    static DecisionItemForm empty() {
        return new DecisionItemForm("", "", List.of(), OnlineLevel.NONE, "", "", "", null, DurationUnit.WORKING_DAY, "", "", "", "");
    }

    static DecisionItemForm of(ProcedureRecord r) {
        var quickest = r.quickestChannel();
        return new DecisionItemForm(r.name(), r.field(), r.levels(), r.onlineLevel(), r.applicants(), r.implementingAgency(), r.steps(),
                quickest == null ? null : quickest.timeAmount(), quickest == null ? null : quickest.timeUnit(), documentLines(r.documents()),
                String.join("\n", r.results()), legalLines(r.legalBasis()), r.conditions());
    }

    /** The record this form describes, built on {@code base} (the version in force, or the draft's item) where given. */
    ProcedureRecord toRecord(String code, @Nullable ProcedureRecord base) {
        var documentList = base != null && documentLines(base.documents()).equals(normalise(documents)) ? base.documents() : parseDocuments(documents);
        var legalList = base != null && legalLines(base.legalBasis()).equals(normalise(legalBasis)) ? base.legalBasis() : parseLegal(legalBasis);
        var resultList = lines(results);
        List<Channel> channels;
        var quickest = base == null ? null : base.quickestChannel();
        boolean sameTime = base != null && quickest != null && java.util.Objects.equals(quickest.timeAmount(), timeAmount)
                && quickest.timeUnit() == timeUnit;
        if (sameTime || (base != null && quickest == null && timeAmount == null)) {
            channels = base.channels();
        } else if (base != null && !base.channels().isEmpty()) {
            channels = base.channels().stream().map(c -> new Channel(c.kind(), timeAmount, timeUnit, timeText(), c.fees(), c.description())).toList();
        } else {
            channels = new ArrayList<>();
            channels.add(new Channel("DIRECT", timeAmount, timeUnit, timeText(), List.of(), ""));
            if (onlineLevel != OnlineLevel.NONE) {
                channels.add(new Channel("ONLINE", timeAmount, timeUnit, timeText(), List.of(), ""));
            }
        }
        return new ProcedureRecord(code, base == null ? null : base.localCode(), name.strip(), field.strip(), levels,
                base == null ? "" : base.type(), applicants.strip(), implementingAgency.strip(),
                base == null ? implementingAgency.strip() : base.competentAgency(), base == null ? "" : base.authorisedAgency(),
                base == null ? "" : base.coordinatingAgency(), steps.strip(), channels, onlineLevel,
                base != null && base.locationIndependent(), documentList, resultList, legalList, conditions.strip(),
                base == null ? null : base.sourceUrl());
    }

    private String timeText() {
        return timeAmount == null ? "" : timeAmount + (timeUnit == null ? "" : " " + switch (timeUnit) {
            case WORKING_DAY -> "Ngày làm việc";
            case WORKING_HOUR -> "Giờ làm việc";
            case CALENDAR_DAY -> "Ngày";
            case MONTH -> "Tháng";
            case SAME_DAY -> "Trong ngày";
        });
    }

    static String documentLines(List<RequiredDocument> documents) {
        return documents.stream().map(d -> d.name() + counts(d)).collect(Collectors.joining("\n"));
    }

    private static String counts(RequiredDocument d) {
        if (d.originals() == 0 && d.copies() == 0) {
            return "";
        }
        var parts = new ArrayList<String>();
        if (d.originals() > 0) {
            parts.add(d.originals() + " bản chính");
        }
        if (d.copies() > 0) {
            parts.add(d.copies() + " bản sao");
        }
        return ": " + String.join(", ", parts);
    }

    static String legalLines(List<LegalBasis> basis) {
        return basis.stream().map(l -> l.number().isBlank() ? l.title() : l.number() + " – " + l.title()).collect(Collectors.joining("\n"));
    }

    private static List<RequiredDocument> parseDocuments(String text) {
        var out = new ArrayList<RequiredDocument>();
        for (String line : lines(text)) {
            Matcher m = COUNT.matcher(line);
            if (m.matches() && (m.group(2) != null || m.group(3) != null)) {
                out.add(new RequiredDocument(m.group(1).strip(), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), !line.contains("(nếu có)"), List.of(), false));
            } else {
                out.add(new RequiredDocument(line, 0, 0, !line.contains("(nếu có)"), List.of(), false));
            }
        }
        return out;
    }

    private static List<LegalBasis> parseLegal(String text) {
        return lines(text).stream().map(line -> {
            String[] parts = line.split("\\s+[–-]\\s+", 2);
            return parts.length == 2 ? new LegalBasis(parts[1].strip(), parts[0].strip(), null, null, null)
                    : new LegalBasis(line, "", null, null, null);
        }).toList();
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String normalise(String text) {
        return String.join("\n", lines(text));
    }
}
