package vn.motcua.dossier.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.catalog.ProcedureCode;
import vn.motcua.catalog.ProcedureSearch;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.catalog.RequiredDocument;
import vn.motcua.dossier.AdministrativeUnits;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.DossierWords;
import vn.motcua.dossier.Intake;
import vn.motcua.files.FileStorage;
import vn.motcua.organization.AccessScope;
import vn.motcua.organization.AgencyDirectory;
import vn.motcua.organization.AgencyView;
import vn.motcua.organization.Province;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffDirectory;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.DomainProblem.InvalidParam;
import vn.motcua.platform.QrCodes;
import vn.motcua.platform.web.PublicAddress;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-stop desk's pages: the intake form (procedure, checklist with scans, applicant, handling agency), its
 * "check your answers" step and the three outcomes; the confirmation page with the code, the appointment, the slips
 * to print and the QR code of the public lookup, where a submitted online dossier is also decided; the desk's own
 * lists. Everything the officer typed travels in the form, so a refusal or a step back loses nothing.
 */
@Controller
@RequestMapping("/quay")
class DeskPages {

    /** Problems the "check your answers" step shows: they concern the outcome, not what was typed before it. */
    private static final Set<String> OUTCOME_FIELDS = Set.of("note", "missing", "documents", "outcome", "Idempotency-Key");
    private static final Pattern MISSING_ROW = Pattern.compile("missing\\[(\\d+)](\\.requirement)?");

    private final DossierIntake intake;
    private final ProcedureCatalog catalog;
    private final AdministrativeUnits units;
    private final AgencyDirectory agencies;
    private final StaffDirectory staff;
    private final FileStorage files;
    private final PublicAddress publicAddress;
    private final Province province;
    private final org.springframework.context.MessageSource messages;
    private final Clock clock;

    DeskPages(DossierIntake intake, ProcedureCatalog catalog, AdministrativeUnits units, AgencyDirectory agencies, StaffDirectory staff,
              FileStorage files, PublicAddress publicAddress, Province province, org.springframework.context.MessageSource messages,
              Clock clock) {
        this.messages = messages;
        this.intake = intake;
        this.catalog = catalog;
        this.units = units;
        this.agencies = agencies;
        this.staff = staff;
        this.files = files;
        this.publicAddress = publicAddress;
        this.province = province;
        this.clock = clock;
    }

    /** Garbage in a field path (an index past the checklist) is ignored, never a fault. */
    @org.springframework.web.bind.annotation.InitBinder({"desk", "decision"})
    void bounded(org.springframework.web.bind.WebDataBinder binder) {
        binder.setIgnoreInvalidFields(true);
        binder.setAutoGrowCollectionLimit(100);
    }

    // --- the desk's lists -------------------------------------------------------------------------------------------

    /** Rows per list on the desk page: a page a desk officer reads at a glance, rendered fast (docs/benchmarks.md). */
    static final int DESK_PAGE_SIZE = 25;

    /**
     * The desk's three lists, each paged on its own ({@code hom-nay}, {@code cho}, {@code tim}: the page of today's
     * dossiers, newest first; of the online and postal ones waiting, oldest first; of the search results, newest first),
     * each link keeping the search and the other lists' pages.
     */
    @GetMapping
    String desk(@RequestParam(required = false) @Nullable String q, @RequestParam(name = "hom-nay", defaultValue = "1") int todayPage,
                @RequestParam(name = "cho", defaultValue = "1") int waitingPage, @RequestParam(name = "tim", defaultValue = "1") int foundPage,
                Authentication user, Model model) {
        requireDesk(user);
        LocalDate today = today();
        String query = q == null ? "" : q.strip();
        if (query.length() > 200) {
            query = query.substring(0, 200);
        }
        var pages = new java.util.LinkedHashMap<String, String>();
        pages.put("q", query);
        pages.put("hom-nay", Integer.toString(Math.max(1, todayPage)));
        pages.put("cho", Integer.toString(Math.max(1, waitingPage)));
        pages.put("tim", Integer.toString(Math.max(1, foundPage)));
        model.addAttribute("today", DossierWords.date(today));
        model.addAttribute("received", new DeskList(intake.decidedBetween(today, today, todayPage, DESK_PAGE_SIZE), "hom-nay", "today", pages));
        model.addAttribute("waiting", new DeskList(intake.waiting(waitingPage, DESK_PAGE_SIZE), "cho", "waiting", pages));
        model.addAttribute("q", query);
        if (!query.isEmpty()) {
            model.addAttribute("found", new DeskList(intake.find(query, foundPage, DESK_PAGE_SIZE), "tim", "found", pages));
        }
        model.addAttribute("views", new DossierViews());
        return "dossier/desk";
    }

    /**
     * One list of the desk page with the links to its neighbouring pages ({@code anchor}: the list's heading, where
     * the link lands).
     */
    record DeskList(DossierIntake.Listed listed, String param, String anchor, Map<String, String> pages) {
        public List<Dossier> rows() {
            return listed.rows();
        }

        public @Nullable String previous() {
            return listed.number() > 1 ? link(listed.number() - 1) : null;
        }

        public @Nullable String next() {
            return listed.more() ? link(listed.number() + 1) : null;
        }

        /** Position of the first and last rows shown (1-based). */
        public long first() {
            return listed.rows().isEmpty() ? 0 : (long) (listed.number() - 1) * listed.size() + 1;
        }

        public long last() {
            return (long) (listed.number() - 1) * listed.size() + listed.rows().size();
        }

        private String link(int n) {
            var uri = org.springframework.web.util.UriComponentsBuilder.fromPath("/quay");
            pages.forEach((k, v) -> {
                String value = k.equals(param) ? Integer.toString(n) : v;
                if (!value.isBlank() && !(value.equals("1") && !k.equals("q"))) {
                    uri.queryParam(k, value);
                }
            });
            return uri.fragment(anchor).encode().build().toUriString();
        }
    }

    // --- intake -----------------------------------------------------------------------------------------------------

    /** Step 1: find the procedure (a code goes straight to the form); step 2 with {@code thu-tuc}: the blank form. */
    @GetMapping("/tiep-nhan")
    String start(@RequestParam(name = "thu-tuc", required = false) @Nullable String code, @RequestParam(required = false) @Nullable String q,
                 Authentication user, Model model) {
        requireDesk(user);
        String query = q == null ? "" : q.strip();
        if (code == null && ProcedureCode.parse(query).isPresent() && inForce(query) != null) {
            return "redirect:/quay/tiep-nhan?thu-tuc=" + query;
        }
        ProcedureVersion version = code == null ? null : inForce(code.strip());
        if (version == null) {
            model.addAttribute("q", query);
            if (code != null) {
                model.addAttribute("notInForce", code.strip());
            }
            if (!query.isEmpty()) {
                try {
                    model.addAttribute("hits", catalog.search(new ProcedureSearch(query, null, null, null, null, 15, 0)).items());
                } catch (DomainProblem tooLong) {
                    model.addAttribute("searchProblem", tooLong.getMessage());
                }
            }
            return "dossier/intake-procedure";
        }
        var form = new DeskForm();
        form.setProcedureCode(version.code());
        var desks = deskAgencies(user);
        if (desks.size() == 1) {
            form.setReceivingAgency(desks.getFirst().electronicId());
        }
        form.setHandlingAgency(nz(intake.handlingAgencies(version.code(), blank(form.getReceivingAgency())).suggested()));
        form.getApplicant().getAddress().setProvinceCode(province.code());
        form.sizeTo(version.record().documents().size());
        return formView(form, version, user, model);
    }

    /** The communes of a province, as the options of the commune select (htmx swaps them in when the province changes). */
    @GetMapping("/tiep-nhan/xa")
    String communes(@RequestParam(name = "applicant.address.provinceCode", required = false) @Nullable String provinceCode, Model model) {
        model.addAttribute("wards", provinceCode == null ? List.of() : units.province(provinceCode).map(AdministrativeUnits.Province::wards).orElse(List.of()));
        model.addAttribute("selectedWard", "");
        return "dossier/intake-form :: wardOptions";
    }

    /** Every step after the blank form: the form's own buttons and the check page's outcome buttons. */
    @PostMapping("/tiep-nhan")
    String step(@ModelAttribute("desk") DeskForm form, BindingResult binding, @RequestParam(defaultValue = "check") String action,
                HttpServletRequest request, Authentication user, Model model, RedirectAttributes flash) {
        requireDesk(user);
        ProcedureVersion version = inForce(form.getProcedureCode());
        if (version == null) {
            return "redirect:/quay/tiep-nhan?thu-tuc=" + form.getProcedureCode();
        }
        form.sizeTo(version.record().documents().size());
        storeScans(form, request, binding, user.getName());
        switch (action) {
            case "returning" -> {
                String number = form.getReturningNumber().strip();
                var found = number.isEmpty() || number.length() > 20 ? java.util.Optional.<vn.motcua.dossier.Applicant>empty()
                        : intake.returningApplicant(number);
                found.ifPresent(form::fill);
                model.addAttribute("returning", found.isPresent() ? "found" : "none");
                return formView(form, version, user, model);
            }
            case "province", "edit" -> {
                return formView(form, version, user, model);
            }
            case "complete" -> {
                List<RequiredDocument> checklist = version.record().documents();
                for (int i = 0; i < checklist.size(); i++) {
                    var row = form.getDocuments().get(i);
                    var r = checklist.get(i);
                    row.setOriginals(r.originals() == 0 && r.copies() == 0 ? 1 : r.originals());
                    row.setCopies(r.copies());
                }
                return formView(form, version, user, model);
            }
            case "check" -> {
                if (!binding.hasErrors() && check(form, binding)) {
                    return checkView(form, version, user, model);
                }
                return formView(form, version, user, model);
            }
            default -> {
                Intake.Outcome outcome;
                try {
                    outcome = Intake.Outcome.valueOf(action);
                } catch (IllegalArgumentException e) {
                    return formView(form, version, user, model);
                }
                var problems = new ArrayList<InvalidParam>();
                Intake in = form.toIntake(outcome, problems);
                if (problems.isEmpty()) {
                    try {
                        var result = intake.receive(in, form.getToken());
                        return "redirect:/quay/ho-so/" + result.dossier().code();
                    } catch (DomainProblem refused) {
                        if (refused.code().equals("dossier.idempotency-key-reused")) {
                            form.setToken(java.util.UUID.randomUUID().toString());
                            binding.reject("Idempotency-Key", msg("desk.sentBefore"));
                            return checkView(form, version, user, model);
                        }
                        if (refused.invalidParams().isEmpty()) {
                            throw refused;
                        }
                        problems.addAll(refused.invalidParams());
                    }
                }
                show(problems, form, outcome, binding);
                boolean outcomeOnly = problems.stream().allMatch(p -> OUTCOME_FIELDS.contains(root(p.name())));
                return outcomeOnly ? checkView(form, version, user, model) : formView(form, version, user, model);
            }
        }
    }

    /** The check step: the service's checks except the outcome's own; true when everything passed. */
    private boolean check(DeskForm form, BindingResult binding) {
        var problems = new ArrayList<InvalidParam>();
        Intake in = form.toIntake(null, problems);
        try {
            intake.check(in);
        } catch (DomainProblem refused) {
            if (refused.invalidParams().isEmpty()) {
                throw refused;
            }
            problems.addAll(refused.invalidParams());
        }
        // a date the page could not read is reported by the page, not again as "not a date" by the service
        show(problems, form, null, binding);
        return problems.isEmpty();
    }

    private void storeScans(DeskForm form, HttpServletRequest request, BindingResult binding, String username) {
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            return;
        }
        for (int i = 0; i < form.getDocuments().size(); i++) {
            MultipartFile scan = multipart.getFile("scan" + i);
            if (scan == null || scan.isEmpty()) {
                continue;
            }
            var row = form.getDocuments().get(i);
            try (var in = scan.getInputStream()) {
                var stored = files.store(in, scan.getOriginalFilename() == null ? "scan" : scan.getOriginalFilename(), username);
                row.setFileId(stored.id().toString());
                row.setFileName(stored.originalName());
            } catch (DomainProblem refused) {
                binding.rejectValue("documents[" + i + "].fileId", "file", refused.getMessage());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Puts each problem next to its field (or in the summary when it names none on the page). */
    private static void show(List<InvalidParam> problems, DeskForm form, Intake.@Nullable Outcome outcome, BindingResult binding) {
        var kept = form.keptMissingRows();
        for (InvalidParam p : problems) {
            String field = switch (p.name()) {
                case "note" -> outcome == Intake.Outcome.REFUSE ? "refusalReason" : outcome == Intake.Outcome.REQUEST_SUPPLEMENT ? "supplementNote" : null;
                case "channel", "procedureCode", "handlingAgency", "receivingAgency" -> p.name();
                default -> {
                    Matcher m = MISSING_ROW.matcher(p.name());
                    if (m.matches()) {
                        int i = Integer.parseInt(m.group(1));
                        yield i < kept.size() ? "missing[" + kept.get(i) + "]." + (m.group(2) != null ? "requirement" : "reason") : null;
                    }
                    yield p.name().startsWith("applicant.") || p.name().matches("documents\\[\\d+]\\.(originals|copies|fileId)") ? p.name() : null;
                }
            };
            if (field != null && !"applicant.type".equals(field)) {
                try {
                    binding.rejectValue(field, "dossier.invalid", p.reason());
                    continue;
                } catch (org.springframework.beans.InvalidPropertyException notAField) {
                    // fall through to the summary
                }
            }
            binding.reject(root(p.name()), p.reason());
        }
    }

    private static String root(String name) {
        return name.replaceAll("[\\[.].*$", "");
    }

    private String formView(DeskForm form, ProcedureVersion version, Authentication user, Model model) {
        common(form, version, user, model);
        String provinceCode = form.getApplicant().getAddress().getProvinceCode();
        model.addAttribute("provinces", units.provinces());
        model.addAttribute("wards", units.province(provinceCode).map(AdministrativeUnits.Province::wards).orElse(List.of()));
        model.addAttribute("selectedWard", form.getApplicant().getAddress().getWardCode());
        model.addAttribute("maxScan", files.maxSize() / (1024 * 1024));
        return "dossier/intake-form";
    }

    private String checkView(DeskForm form, ProcedureVersion version, Authentication user, Model model) {
        common(form, version, user, model);
        var a = form.getApplicant().getAddress();
        var ward = units.ward(a.getWardCode()).map(AdministrativeUnits.Ward::name).orElse("");
        var prov = units.province(a.getProvinceCode()).map(AdministrativeUnits.Province::name).orElse("");
        model.addAttribute("addressLine", String.join(", ", java.util.stream.Stream.of(a.getStreet(), ward, prov)
                .filter(s -> !s.isBlank()).toList()));
        List<RequiredDocument> checklist = version.record().documents();
        var lacking = new ArrayList<String>();
        for (int i = 0; i < checklist.size(); i++) {
            if (checklist.get(i).mandatory() && !form.getDocuments().get(i).isHandedIn()) {
                lacking.add((i + 1) + ". " + checklist.get(i).name());
            }
        }
        model.addAttribute("lacking", lacking);
        model.addAttribute("handlingName", agencies.findByElectronicId(form.getHandlingAgency()).map(AgencyView::name).orElse(form.getHandlingAgency()));
        return "dossier/intake-check";
    }

    private void common(DeskForm form, ProcedureVersion version, Authentication user, Model model) {
        model.addAttribute("desk", form); // the bound form keeps its errors: the same object
        model.addAttribute("version", version);
        model.addAttribute("checklist", version.record().documents());
        model.addAttribute("handling", intake.handlingAgencies(version.code(), blank(form.getReceivingAgency())).agencies());
        model.addAttribute("desks", deskAgencies(user));
        model.addAttribute("timeLimit", version.record().channels().stream().filter(c -> c.timeText() != null && !c.timeText().isBlank())
                .map(c -> c.timeText()).findFirst().orElse(""));
        model.addAttribute("errorLinks", ErrorLinks.of(model, messages));
    }

    // --- one dossier ------------------------------------------------------------------------------------------------

    @GetMapping("/ho-so/{code}")
    String dossier(@PathVariable String code, Authentication user, Model model) {
        Dossier d = intake.get(code);
        return dossierView(d, new DecisionForm(d.version()), user, model);
    }

    /** A scan of the dossier, for staff who may see the dossier (the page's session; the API takes tokens). */
    @GetMapping("/ho-so/{code}/ban-quet/{fileId}")
    org.springframework.http.ResponseEntity<org.springframework.core.io.InputStreamResource> scan(@PathVariable String code,
                                                                                                  @PathVariable java.util.UUID fileId) {
        var file = intake.file(code, fileId);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(file.contentType())).contentLength(file.size())
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.inline()
                        .filename(file.originalName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(new org.springframework.core.io.InputStreamResource(files.open(file)));
    }

    /** The desk's decision on a submitted online or postal dossier; a second officer's stale decision is told so. */
    @PostMapping("/ho-so/{code}/quyet-dinh")
    String decide(@PathVariable String code, @ModelAttribute("decision") DecisionForm decision, BindingResult binding,
                  @RequestParam String action, Authentication user, Model model, jakarta.servlet.http.HttpServletResponse response) {
        requireDesk(user);
        Intake.Outcome outcome;
        try {
            outcome = Intake.Outcome.valueOf(action);
        } catch (IllegalArgumentException e) {
            return "redirect:/quay/ho-so/" + code;
        }
        String note = outcome == Intake.Outcome.REFUSE ? decision.getRefusalReason()
                : outcome == Intake.Outcome.REQUEST_SUPPLEMENT ? decision.getSupplementNote() : "";
        var kept = new ArrayList<Integer>();
        var missing = new ArrayList<Intake.Missing>();
        for (int i = 0; i < decision.getMissing().size(); i++) {
            var m = decision.getMissing().get(i);
            if (!m.getRequirement().isBlank() || !m.getReason().isBlank()) {
                kept.add(i);
                missing.add(new Intake.Missing(m.getRequirement(), m.getReason()));
            }
        }
        try {
            intake.decide(code, outcome, outcome == Intake.Outcome.REQUEST_SUPPLEMENT ? missing : null, note, decision.getVersion());
            return "redirect:/quay/ho-so/" + code;
        } catch (DomainProblem refused) {
            if (refused.code().equals("dossier.changed") || refused.code().equals("dossier.wrong-state")) {
                response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_CONFLICT);
                model.addAttribute("stale", refused.getMessage());
                Dossier now = intake.get(code);
                return dossierView(now, new DecisionForm(now.version()), user, model);
            }
            if (refused.invalidParams().isEmpty()) {
                throw refused;
            }
            for (InvalidParam p : refused.invalidParams()) {
                Matcher m = MISSING_ROW.matcher(p.name());
                String field = p.name().equals("note") ? (outcome == Intake.Outcome.REFUSE ? "refusalReason" : "supplementNote")
                        : m.matches() && Integer.parseInt(m.group(1)) < kept.size()
                        ? "missing[" + kept.get(Integer.parseInt(m.group(1))) + "]." + (m.group(2) != null ? "requirement" : "reason") : null;
                if (field != null) {
                    binding.rejectValue(field, "dossier.invalid", p.reason());
                } else {
                    binding.reject(root(p.name()), p.reason());
                }
            }
            return dossierView(intake.get(code), decision, user, model);
        }
    }

    private String dossierView(Dossier d, DecisionForm decision, Authentication user, Model model) {
        String lookupUrl = publicAddress.of("/tra-cuu/{code}", d.code());
        model.addAttribute("d", d);
        model.addAttribute("decision", decision);
        decision.sizeTo();
        model.addAttribute("lookupUrl", lookupUrl);
        model.addAttribute("qr", QrCodes.svg(lookupUrl));
        model.addAttribute("appointment", d.dueAt() == null ? null : DossierWords.appointment(d.dueAt()));
        model.addAttribute("views", new DossierViews());
        model.addAttribute("canDecide", d.state() == DossierState.SUBMITTED && isDesk(user));
        model.addAttribute("errorLinks", ErrorLinks.of(model, messages));
        return "dossier/dossier";
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private @Nullable ProcedureVersion inForce(String code) {
        if (ProcedureCode.parse(code).isEmpty()) {
            return null;
        }
        try {
            return catalog.inForce(code, today());
        } catch (DomainProblem notThere) {
            return null;
        }
    }

    private List<AgencyView> deskAgencies(Authentication user) {
        return staff.byUsername(user.getName()).map(s -> s.roles().stream().filter(r -> r.role() == Role.DESK_OFFICER)
                .map(r -> r.agencyId()).distinct().map(agencies::get).toList()).orElse(List.of());
    }

    private boolean isDesk(Authentication user) {
        AccessScope scope = staff.scopeOf(user.getName());
        return scope.has(Role.DESK_OFFICER);
    }

    private void requireDesk(Authentication user) {
        if (!isDesk(user)) {
            throw new AccessDeniedException(user.getName() + " is not a desk officer");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DossierWords.VIETNAM));
    }

    private static @Nullable String blank(String s) {
        return s.isBlank() ? null : s.strip();
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }

    private String msg(String key) {
        return messages.getMessage(key, null, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    /** The summary at the top of a form: each error with the anchor of its field. */
    record ErrorLinks(String anchor, String message) {
        static List<ErrorLinks> of(Model model, org.springframework.context.MessageSource messages) {
            var out = new ArrayList<ErrorLinks>();
            var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
            for (Object value : model.asMap().values()) {
                if (value instanceof BindingResult result) {
                    result.getFieldErrors().forEach(e -> out.add(new ErrorLinks(anchor(e.getField()), messages.getMessage(e, locale))));
                    result.getGlobalErrors().forEach(e -> out.add(new ErrorLinks(e.getCode() == null ? "" : e.getCode(), messages.getMessage(e, locale))));
                }
            }
            return out;
        }

        /** {@code documents[0].originals} → {@code documents-0-originals}: the id the templates give the field. */
        static String anchor(String field) {
            return field.replaceAll("[\\[\\].]+", "-").replaceAll("-$", "");
        }
    }

    /** What the confirmation page's decision form carries. */
    public static class DecisionForm {
        private int version;
        private List<DeskForm.MissingFields> missing = new ArrayList<>();
        private String supplementNote = "";
        private String refusalReason = "";

        public DecisionForm() {
        }

        DecisionForm(int version) {
            this.version = version;
        }

        void sizeTo() {
            while (missing.size() < DeskForm.MISSING_ROWS) {
                missing.add(new DeskForm.MissingFields());
            }
        }

        public int getVersion() { return version; }
        public void setVersion(int version) { this.version = version; }
        public List<DeskForm.MissingFields> getMissing() { return missing; }
        public void setMissing(List<DeskForm.MissingFields> missing) { this.missing = missing == null ? new ArrayList<>() : missing; }
        public String getSupplementNote() { return supplementNote; }
        public void setSupplementNote(String s) { this.supplementNote = s == null ? "" : s; }
        public String getRefusalReason() { return refusalReason; }
        public void setRefusalReason(String s) { this.refusalReason = s == null ? "" : s; }
    }

    /** Small formatting for the templates: times in Vietnam's clock, state words, the slip each state printed. */
    public static class DossierViews {
        public String time(java.time.@Nullable Instant at) {
            return at == null ? "" : DossierWords.dateTime(at);
        }

        public String state(DossierState state) {
            return DossierWords.state(state);
        }

        public String channel(vn.motcua.dossier.Channel channel) {
            return DossierWords.channel(channel);
        }

        public String appointment(java.time.@Nullable Instant at) {
            return at == null ? "" : DossierWords.appointment(at);
        }

        /** The slip the dossier's current state was issued with, for the lists' reprint link; null when none. */
        public @Nullable String slipOf(Dossier d) {
            return switch (d.state()) {
                case AWAITING_INTAKE_SUPPLEMENT -> "02";
                case REFUSED_AT_INTAKE -> "03";
                case SUBMITTED -> null;
                default -> d.receivedAt() == null ? null : "01";
            };
        }
    }

}
