package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Turns one line of a historical import into the dossier it describes: the row, its history and the events it would
 * have published had it been processed here, or refuses it with a stable code and the reason in Vietnamese. The
 * national statuses must follow the dossier's own transition table ({@link DossierState#canMoveTo}) in time order,
 * and the header's dates must agree with the history. Nothing is written here.
 */
final class HistoryReader {

    static final int MAX_EVENTS = 500;
    private static final Pattern CODE = Pattern.compile("[0-9A-Z][0-9A-Z.\\-]{4,59}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    static final String IMPORTER = "nhập lịch sử";

    /** A line refused: the stable code and the reason. */
    static final class Rejected extends RuntimeException {
        final String code;

        Rejected(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    /** The procedure version to copy: the one in force on the day of receipt, else the earliest (null: never published). */
    interface Procedures extends BiFunction<String, LocalDate, Dossier.@Nullable Procedure> {
    }

    /** The agency that held an electronic ID on a day, else its holder now (null: no such agency). */
    interface Agencies extends BiFunction<String, LocalDate, Dossier.@Nullable Agency> {
    }

    /** One history row as it will be written. */
    record HistoryRow(Instant at, String actor, @Nullable DossierState from, DossierState to, String publicNote, String action,
                      @Nullable String step) {
    }

    /** Everything a line becomes. */
    record Planned(Dossier dossier, List<HistoryRow> history, List<DossierEvent> events, @Nullable Instant supplementRequestedAt,
                   @Nullable Instant supplementReceivedAt, int supplementCount, @Nullable Instant originalDueAt, boolean extended,
                   Progress.Result.@Nullable Kind resultKind, @Nullable Instant resultReadyAt, @Nullable Instant returnedAt,
                   @Nullable Instant stoppedAt) {
    }

    private HistoryReader() {
    }

    /**
     * @param latest nothing of a history may have happened after this (the import's start, with a few minutes for the
     *               two systems' clocks): a time in the future is a mistyped year or a clock gone wrong, not history
     */
    static Planned read(HistoryLine line, Procedures procedures, Agencies agencies, Instant latest) {
        String code = required("MaHoSo", line.maHoSo()).strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw new Rejected("history-import.bad-code", "Mã hồ sơ \"" + abbreviate(code) + "\" không hợp lệ: 5-60 ký tự chữ in, số, dấu chấm, gạch ngang.");
        }
        var events = line.quaTrinhXuLy();
        if (events == null || events.isEmpty()) {
            throw new Rejected("history-import.missing-field", "Thiếu QuaTrinhXuLy: mỗi hồ sơ cần ít nhất một sự kiện.");
        }
        if (events.size() > MAX_EVENTS) {
            throw new Rejected("history-import.too-many-events", "QuaTrinhXuLy có " + events.size() + " sự kiện: tối đa " + MAX_EVENTS + ".");
        }
        Channel channel = switch (required("KenhThucHien", line.kenhThucHien())) {
            case 1 -> Channel.DIRECT;
            case 2 -> Channel.ONLINE;
            case 3 -> Channel.POSTAL;
            default -> throw new Rejected("history-import.bad-channel", "KenhThucHien " + line.kenhThucHien()
                    + " không hợp lệ: 1 (trực tiếp), 2 (trực tuyến) hoặc 3 (bưu chính).");
        };
        int finalStatus = status("TrangThaiHoSo", line.trangThaiHoSo());
        Instant submitted = time("NgayNopHoSo", line.ngayNopHoSo());
        Instant received = time("NgayTiepNhan", line.ngayTiepNhan());
        Instant appointment = time("NgayHenTra", line.ngayHenTra());
        Instant ended = time("NgayKetThucXuLy", line.ngayKetThucXuLy());
        Instant returnedHeader = time("NgayTra", line.ngayTra());
        notAfter("NgayNopHoSo", submitted, latest);
        notAfter("NgayTiepNhan", received, latest);
        notAfter("NgayKetThucXuLy", ended, latest);
        notAfter("NgayTra", returnedHeader, latest);
        Progress.Result.Kind kind = switch (line.ketQuaXuLy() == null ? 1 : line.ketQuaXuLy()) {
            case 1 -> Progress.Result.Kind.GRANT;
            case 2 -> Progress.Result.Kind.REFUSAL;
            default -> throw new Rejected("history-import.bad-result", "KetQuaXuLy " + line.ketQuaXuLy()
                    + " không hợp lệ: 1 (giải quyết) hoặc 2 (từ chối).");
        };

        String applicantName = required("ChuHoSo", line.chuHoSo()).strip();
        Instant first = time("QuaTrinhXuLy[1].ThoiDiem", events.getFirst().thoiDiem());
        LocalDate day = LocalDate.ofInstant(received != null ? received : Objects.requireNonNull(first), DossierWords.VIETNAM);
        String procedureCode = required("MaTTHC", line.maTTHC()).strip();
        var procedure = procedures.apply(procedureCode, day);
        if (procedure == null) {
            throw new Rejected("history-import.unknown-procedure", "Thủ tục " + abbreviate(procedureCode) + " không có trong danh mục.");
        }
        var receiving = agency("MaDonViTiepNhan", line.maDonViTiepNhan(), day, agencies);
        var handling = line.maDonViXuLy() == null || line.maDonViXuLy().isBlank() ? receiving
                : agency("MaDonViXuLy", line.maDonViXuLy(), day, agencies);
        Applicant applicant = applicant(line, applicantName);
        var contact = DossierEvent.Contact.of(applicant);

        // walk the history through the transition table
        DossierState state = null;
        Instant previous = null;
        Instant receivedAt = null;
        Instant submittedAt = submitted;
        Instant dueAt = null;
        Instant originalDue = null;
        boolean extended = false;
        Instant supRequested = null;
        Instant supReceived = null;
        int supplements = 0;
        Instant readyAt = null;
        Instant returnedAt = null;
        Instant stoppedAt = null;
        Instant decidedAt = null;
        String decidedBy = IMPORTER;
        DossierState beforeWithdrawal = null;
        var rows = new ArrayList<HistoryRow>();
        var published = new ArrayList<DossierEvent>();
        for (int i = 0; i < events.size(); i++) {
            var e = events.get(i);
            String where = "QuaTrinhXuLy[" + (i + 1) + "]";
            Instant at = Objects.requireNonNull(time(where + ".ThoiDiem", required(where + ".ThoiDiem", e.thoiDiem())));
            notAfter(where + ".ThoiDiem", at, latest);
            if (previous != null && at.isBefore(previous)) {
                throw new Rejected("history-import.out-of-order", where + " (" + e.thoiDiem() + ") sớm hơn sự kiện trước nó: lịch sử phải theo thứ tự thời gian.");
            }
            int national = status(where + ".TrangThaiHoSo", e.trangThaiHoSo());
            DossierState to = state(national, receivedAt != null);
            if (state == DossierState.WITHDRAWAL_REQUESTED && to != DossierState.STOPPED && to != beforeWithdrawal) {
                throw new Rejected("history-import.illegal-move", where + ": rút lại đề nghị dừng thì hồ sơ trở về trạng thái "
                        + Objects.requireNonNull(beforeWithdrawal).nationalCode() + " như trước khi đề nghị.");
            }
            if (to == DossierState.WITHDRAWAL_REQUESTED) {
                beforeWithdrawal = state;
            }
            if (state == null ? !(to == DossierState.SUBMITTED || to == DossierState.RECEIVED || to == DossierState.REFUSED_AT_INTAKE
                    || to == DossierState.AWAITING_INTAKE_SUPPLEMENT) : !state.canMoveTo(to)) {
                throw new Rejected("history-import.illegal-move", where + ": không chuyển được từ trạng thái "
                        + (state == null ? "ban đầu" : state.nationalCode() + " (" + DossierWords.state(state) + ")") + " sang "
                        + national + " (" + DossierWords.state(to) + ").");
            }
            String actor = e.nguoiXuLy() == null || e.nguoiXuLy().isBlank() ? IMPORTER : e.nguoiXuLy().strip();
            Instant newDue = time(where + ".NgayHenTra", e.ngayHenTra());
            Instant extendedTo = time(where + ".NgayGiaHan", e.ngayGiaHan());
            DossierAction action = action(state, to, extendedTo != null);
            if (extendedTo != null) {
                if (action != DossierAction.APOLOGIZE_AND_EXTEND) {
                    throw new Rejected("history-import.inconsistent", where + ": gia hạn (NgayGiaHan) chỉ khi hồ sơ đang xử lý (4 sang 4).");
                }
                if (extended) {
                    throw new Rejected("history-import.second-extension", where + ": hồ sơ chỉ được gia hạn một lần.");
                }
            }
            if (state == null || state == DossierState.SUBMITTED || state == DossierState.AWAITING_INTAKE_SUPPLEMENT) {
                decidedAt = at;
                decidedBy = actor;
            }
            if (to == DossierState.SUBMITTED && submittedAt == null) {
                submittedAt = at;
            }
            if (to == DossierState.RECEIVED && receivedAt == null) {
                receivedAt = at;
                if (newDue == null && events.stream().anyMatch(x -> x.ngayGiaHan() != null)) {
                    throw new Rejected("history-import.missing-field", where + ": thiếu NgayHenTra (ngày hẹn trả ban đầu) của hồ sơ đã gia hạn.");
                }
                dueAt = newDue != null ? newDue : appointment;
                originalDue = dueAt;
            } else if (newDue != null && receivedAt != null) {
                dueAt = newDue;
                originalDue = newDue;
            }
            if (extendedTo != null) {
                extended = true;
                dueAt = extendedTo;
            }
            if (to == DossierState.AWAITING_SUPPLEMENT) {
                supRequested = at;
                supReceived = null;
                supplements++;
            }
            if (state == DossierState.AWAITING_SUPPLEMENT && to == DossierState.IN_PROCESSING) {
                supReceived = at;
            }
            if (to == DossierState.RESULT_READY && readyAt == null) {
                readyAt = at;
            }
            if (to == DossierState.RETURNED) {
                returnedAt = at;
            }
            if (to == DossierState.STOPPED) {
                stoppedAt = at;
            }
            String publicNote = e.noiDung() == null || e.noiDung().isBlank() ? DossierWords.state(to) : e.noiDung().strip();
            String step = e.tenBuoc() == null || e.tenBuoc().isBlank() ? null : e.tenBuoc().strip();
            rows.add(new HistoryRow(at, actor, state, to, publicNote, action.name(), step));
            published.add(event(code, channel, procedure.code(), receiving, handling, contact, state, to, action, at, actor, step, e, where,
                    agencies, day, receivedAt, dueAt, originalDue, extended, supRequested, supReceived, supplements, readyAt, returnedAt,
                    stoppedAt, readyAt != null ? kind : null, publicNote));
            state = to;
            previous = at;
        }

        // the header must say what the history says
        if (finalStatus != state.nationalCode()) {
            throw new Rejected("history-import.inconsistent", "TrangThaiHoSo " + finalStatus + " khác trạng thái sau sự kiện cuối ("
                    + state.nationalCode() + ").");
        }
        if (received != null && !received.equals(receivedAt)) {
            throw new Rejected("history-import.inconsistent", "NgayTiepNhan " + line.ngayTiepNhan() + " khác thời điểm tiếp nhận trong QuaTrinhXuLy.");
        }
        if (received == null && receivedAt != null) {
            throw new Rejected("history-import.missing-field", "Thiếu NgayTiepNhan: hồ sơ đã được tiếp nhận.");
        }
        if (appointment != null && receivedAt != null && !appointment.equals(dueAt)) {
            throw new Rejected("history-import.inconsistent", "NgayHenTra " + line.ngayHenTra() + " khác ngày hẹn trả sau sự kiện cuối.");
        }
        Instant endedAt = readyAt != null ? readyAt : returnedAt != null ? returnedAt : stoppedAt;
        if (!Objects.equals(ended, endedAt)) {
            throw new Rejected("history-import.inconsistent", ended == null
                    ? "Thiếu NgayKetThucXuLy: hồ sơ đã kết thúc xử lý trong QuaTrinhXuLy."
                    : "NgayKetThucXuLy " + line.ngayKetThucXuLy() + " khác thời điểm kết thúc xử lý trong QuaTrinhXuLy.");
        }
        if (!Objects.equals(returnedHeader, returnedAt)) {
            throw new Rejected("history-import.inconsistent", "NgayTra khác thời điểm trả kết quả trong QuaTrinhXuLy.");
        }

        var result = readyAt == null ? null : new Progress.Result(kind, null, null, null, null, null, readyAt, null);
        var progress = new Progress("Nhập từ hệ thống cũ", List.of(), null, List.of(), receivedAt, originalDue, originalDue, extended,
                null, null, null, supRequested, supReceived, supplements, 0, 0, null, null, null, null, result, readyAt, returnedAt,
                null, stoppedAt, null, List.of(), List.of());
        var dossier = new Dossier(UUID.randomUUID(), code, true, channel, state, state.nationalCode(), procedure, receiving, handling,
                applicant, List.of(), List.of(), new Dossier.ProcessingTime(null, null, ""), submittedAt, receivedAt, dueAt,
                Objects.requireNonNull(decidedAt), decidedBy, "", 0, List.of(), List.of(), progress);
        return new Planned(dossier, List.copyOf(rows), List.copyOf(published), supRequested, supReceived, supplements, originalDue, extended,
                readyAt == null ? null : kind, readyAt, returnedAt, stoppedAt);
    }

    private static Applicant applicant(HistoryLine line, String name) {
        boolean organisation = line.loaiDoiTuong() != null && line.loaiDoiTuong() != 1;
        String id = blankToNull(line.soDinhDanh());
        return new Applicant(organisation ? Applicant.Type.ORGANIZATION : Applicant.Type.CITIZEN, name, organisation ? null : id, null,
                blankToNull(line.soDienThoai()), blankToNull(line.email()), null, organisation ? id : null, null);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static DossierEvent event(String code, Channel channel, String procedure, Dossier.Agency r, Dossier.Agency h,
                                      DossierEvent.Contact contact, @Nullable DossierState from, DossierState to, DossierAction action,
                                      Instant at, String actor, @Nullable String step, HistoryLine.Event e, String where, Agencies agencies,
                                      LocalDate day, @Nullable Instant receivedAt, @Nullable Instant dueAt, @Nullable Instant originalDue,
                                      boolean extended, @Nullable Instant supRequested, @Nullable Instant supReceived, int supplements,
                                      @Nullable Instant readyAt, @Nullable Instant returnedAt, @Nullable Instant stoppedAt,
                                      Progress.Result.@Nullable Kind kind, String publicNote) {
        int national = to.nationalCode();
        if (from == null || from == DossierState.SUBMITTED || from == DossierState.AWAITING_INTAKE_SUPPLEMENT
                || (from == DossierState.WITHDRAWAL_REQUESTED && receivedAt == null)) {
            return switch (to) {
                case SUBMITTED -> new DossierEvent.Submitted(code, channel, procedure, r.id(), r.electronicId(), h.id(), h.electronicId(),
                        national, at, contact);
                case RECEIVED -> new DossierEvent.Received(code, channel, procedure, r.id(), r.electronicId(), h.id(), h.electronicId(),
                        national, at, at, dueAt, from != null, contact);
                case AWAITING_INTAKE_SUPPLEMENT -> new DossierEvent.SupplementRequested(code, channel, procedure, r.id(), r.electronicId(),
                        h.id(), h.electronicId(), national, at, 0, contact);
                case REFUSED_AT_INTAKE -> new DossierEvent.Refused(code, channel, procedure, r.id(), r.electronicId(), h.id(), h.electronicId(),
                        national, at, publicNote, contact);
                default -> moved(code, channel, procedure, r, h, contact, from, to, action, at, actor, null, null,
                        clock(null, null, null, false, null, null, 0, null, null, stoppedAt, to, at), kind, publicNote);
            };
        }
        DossierEvent.HandedOver handed = null;
        if (e.hanXuLy() != null || e.quaHanPhut() != null) {
            int late = e.quaHanPhut() == null ? 0 : e.quaHanPhut();
            if (late < 0) {
                throw new Rejected("history-import.inconsistent", where + ".QuaHanPhut không được âm.");
            }
            var side = e.donViXuLy() == null || e.donViXuLy().isBlank() ? h : agency(where + ".DonViXuLy", e.donViXuLy(), day, agencies);
            String unit = e.phongBanXuLy() == null || e.phongBanXuLy().isBlank() ? null : e.phongBanXuLy().strip();
            handed = new DossierEvent.HandedOver(step == null ? "Xử lý" : step, side.id(), side.electronicId(), null, unit, actor, null,
                    time(where + ".HanXuLy", e.hanXuLy()), late == 0, late);
        }
        return moved(code, channel, procedure, r, h, contact, from, to, action, at, actor, step, handed,
                clock(receivedAt, dueAt, originalDue, extended, supRequested, supReceived, supplements, readyAt, returnedAt, stoppedAt, to, at),
                kind, publicNote);
    }

    private static DossierEvent.Moved moved(String code, Channel channel, String procedure, Dossier.Agency r, Dossier.Agency h,
                                            DossierEvent.Contact contact, DossierState from, DossierState to, DossierAction action, Instant at,
                                            String actor, @Nullable String step, DossierEvent.@Nullable HandedOver handed, DossierEvent.Clock clock,
                                            Progress.Result.@Nullable Kind kind, String publicNote) {
        return new DossierEvent.Moved(code, channel, procedure, r.id(), r.electronicId(), h.id(), h.electronicId(), to.nationalCode(), at,
                contact, action, from, to, from.nationalCode(), actor, null, handed, clock, kind, null, publicNote);
    }

    /** The clock as {@link DossierCase#clockSnapshot} reports it; the index due time is the appointment (no working-time arithmetic). */
    private static DossierEvent.Clock clock(@Nullable Instant receivedAt, @Nullable Instant dueAt, @Nullable Instant originalDue, boolean extended,
                                            @Nullable Instant supRequested, @Nullable Instant supReceived, int supplements,
                                            @Nullable Instant readyAt, @Nullable Instant returnedAt, @Nullable Instant stoppedAt,
                                            DossierState state, Instant now) {
        Instant done = readyAt != null ? readyAt : stoppedAt != null ? stoppedAt : now;
        return new DossierEvent.Clock(receivedAt, dueAt, originalDue, originalDue, extended,
                state.clockRuns(), supRequested, supReceived, supplements, 0, readyAt, returnedAt,
                readyAt != null && originalDue != null && readyAt.isBefore(originalDue),
                originalDue != null && done.isAfter(originalDue));
    }

    /** National status code to our state: 5 before receipt is the intake's supplement request, after it processing's. */
    static DossierState state(int national, boolean received) {
        return switch (national) {
            case 1 -> DossierState.SUBMITTED;
            case 2 -> DossierState.RECEIVED;
            case 3 -> DossierState.REFUSED_AT_INTAKE;
            case 4 -> DossierState.IN_PROCESSING;
            case 5 -> received ? DossierState.AWAITING_SUPPLEMENT : DossierState.AWAITING_INTAKE_SUPPLEMENT;
            case 6 -> DossierState.AWAITING_PAYMENT;
            case 7 -> DossierState.WITHDRAWAL_REQUESTED;
            case 8 -> DossierState.STOPPED;
            case 9 -> DossierState.RESULT_READY;
            case 10 -> DossierState.RETURNED;
            default -> throw new IllegalArgumentException("national status " + national);
        };
    }

    /** The action a move stands for, named as the dossier module names its own. */
    static DossierAction action(@Nullable DossierState from, DossierState to, boolean extension) {
        if (extension) {
            return from == DossierState.IN_PROCESSING && to == DossierState.IN_PROCESSING ? DossierAction.APOLOGIZE_AND_EXTEND : DossierAction.COMPLETE_STEP;
        }
        return switch (to) {
            case SUBMITTED -> from == DossierState.AWAITING_INTAKE_SUPPLEMENT ? DossierAction.SUPPLEMENT_RECEIVED
                    : from == DossierState.WITHDRAWAL_REQUESTED ? DossierAction.RESUME : DossierAction.ACCEPT;
            case RECEIVED -> from == DossierState.WITHDRAWAL_REQUESTED ? DossierAction.RESUME : DossierAction.ACCEPT;
            case REFUSED_AT_INTAKE -> DossierAction.REFUSE;
            case AWAITING_INTAKE_SUPPLEMENT, AWAITING_SUPPLEMENT -> DossierAction.REQUEST_SUPPLEMENT;
            case IN_PROCESSING -> from == null ? DossierAction.ASSIGN : switch (from) {
                case RECEIVED -> DossierAction.ASSIGN;
                case AWAITING_SUPPLEMENT -> DossierAction.SUPPLEMENT_RECEIVED;
                case AWAITING_PAYMENT -> DossierAction.PAYMENT_RECEIVED;
                case WITHDRAWAL_REQUESTED, PAUSED -> DossierAction.RESUME;
                default -> DossierAction.COMPLETE_STEP;
            };
            case AWAITING_PAYMENT -> DossierAction.REQUEST_PAYMENT;
            case PAUSED -> DossierAction.PAUSE;
            case WITHDRAWAL_REQUESTED -> DossierAction.REQUEST_STOP;
            case STOPPED -> DossierAction.STOP;
            case RESULT_READY -> DossierAction.ISSUE_RESULT;
            case RETURNED -> DossierAction.RETURN_RESULT;
        };
    }

    private static Dossier.Agency agency(String field, @Nullable String eid, LocalDate day, Agencies agencies) {
        String value = required(field, eid).strip().toUpperCase(Locale.ROOT);
        var agency = agencies.apply(value, day);
        if (agency == null) {
            throw new Rejected("history-import.unknown-agency", field + ": không có cơ quan mã định danh " + abbreviate(value) + ".");
        }
        return agency;
    }

    private static int status(String field, @Nullable Integer value) {
        int v = required(field, value);
        if (v < 1 || v > 10) {
            throw new Rejected("history-import.bad-status", field + " " + v + " không hợp lệ: mã trạng thái quốc gia từ 1 đến 10.");
        }
        return v;
    }

    private static @Nullable Instant time(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip(), TIME).atZone(DossierWords.VIETNAM).toInstant();
        } catch (DateTimeParseException e) {
            throw new Rejected("history-import.bad-time", field + " \"" + abbreviate(value) + "\" không đúng dạng yyyyMMddHHmmss (giờ Việt Nam).");
        }
    }

    private static void notAfter(String field, @Nullable Instant at, Instant latest) {
        if (at != null && at.isAfter(latest)) {
            throw new Rejected("history-import.future-time", field + " (" + TIME.format(at.atZone(DossierWords.VIETNAM))
                    + ") muộn hơn lúc nhập: lịch sử chỉ gồm những việc đã xảy ra (kiểm tra năm, giờ Việt Nam).");
        }
    }

    private static <T> T required(String field, @Nullable T value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new Rejected("history-import.missing-field", "Thiếu " + field + ".");
        }
        return value;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
