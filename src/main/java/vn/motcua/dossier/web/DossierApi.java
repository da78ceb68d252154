package vn.motcua.dossier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.ActionRequest;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.DossierProcessing;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.Intake;
import vn.motcua.dossier.WorkQueue;
import vn.motcua.dossier.slip.Slips;
import vn.motcua.files.FileStorage;
import vn.motcua.platform.web.ApiController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Dossiers: intake at the desk, by post and online; processing actions, the actions a caller may take now, work queues
 * and bulk assignment; slips.
 */
@ApiController("/api/v1/dossiers")
@Tag(name = "Hồ sơ (dossiers)")
class DossierApi {

    private final DossierIntake intake;
    private final DossierProcessing processing;
    private final FileStorage files;
    private final Slips slips;

    DossierApi(DossierIntake intake, DossierProcessing processing, FileStorage files, Slips slips) {
        this.intake = intake;
        this.processing = processing;
        this.files = files;
        this.slips = slips;
    }

    /** A bulk assignment: the dossiers, and the specialist (or the unit's queue) they go to. */
    record Assignment(@Nullable List<String> codes, @Nullable String assignee, java.util.@Nullable UUID unit, @Nullable String note) {
    }

    /** The answer to an intake. */
    record Created(String code, DossierState state, int nationalStatus, Channel channel, @Nullable Instant receivedAt,
                   @Nullable Instant dueAt) {
        static Created of(Dossier d) {
            return new Created(d.code(), d.state(), d.nationalStatus(), d.channel(), d.receivedAt(), d.dueAt());
        }
    }

    record Page(int page, int size, List<Dossier> items) {
    }

    record Decision(Intake.@Nullable Outcome outcome, @Nullable List<Intake.Missing> missing, @Nullable String note,
                    @Nullable Integer version) {
    }

    @PostMapping
    @Operation(summary = "Take a dossier in: DIRECT or POSTAL with an outcome (RECEIVE, REQUEST_SUPPLEMENT, REFUSE), ONLINE as submitted; "
            + "honours Idempotency-Key (the same key and body answer with the first dossier)")
    ResponseEntity<Created> receive(@RequestBody Intake body,
                                    @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        var result = intake.receive(body, idempotencyKey);
        var response = ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/dossiers/" + result.dossier().code()));
        if (result.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(Created.of(result.dossier()));
    }

    @GetMapping
    @Operation(summary = "Work queues (queue = mine, unit, due-today, overdue, due-soon, awaiting-applicant, online-awaiting-acceptance, consultations; "
            + "with state, agency, dueBefore), sorted by due time, with the count of every queue; state, agency or dueBefore "
            + "without queue: every dossier of your scope they match, in any state (queue null in the answer); without any of "
            + "these, dossiers in your scope, newest first (q = code, ID number, tax code, phone or name, diacritics optional)")
    Object search(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate receivedFrom,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate receivedTo,
                  @RequestParam(required = false) @Nullable String q,
                  @RequestParam(defaultValue = "false") boolean mine,
                  @RequestParam(required = false) @Nullable String queue,
                  @RequestParam(required = false) @Nullable DossierState state,
                  @RequestParam(required = false) @Nullable String agency,
                  @RequestParam(required = false) @Nullable Instant dueBefore,
                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        int clamped = Math.clamp(size, 1, 200);
        if (queue != null || state != null || agency != null || dueBefore != null) {
            WorkQueue chosen;
            try {
                chosen = queue == null ? null : WorkQueue.of(queue);
            } catch (IllegalArgumentException unknown) {
                throw new DossierApiProblem("dossier.unknown-queue", HttpStatus.BAD_REQUEST, "Không có hàng đợi \"" + queue
                        + "\": mine, unit, due-today, overdue, due-soon, awaiting-applicant, online-awaiting-acceptance, consultations.");
            }
            return processing.queue(chosen, state, agency, dueBefore, page, clamped);
        }
        return new Page(Math.max(0, page), clamped, intake.search(receivedFrom, receivedTo, q, mine, page, clamped));
    }

    @GetMapping("/{code}/actions")
    @Operation(summary = "The actions you may take on the dossier now, each with the fields it needs")
    List<DossierProcessing.AvailableAction> actions(@PathVariable String code) {
        return processing.actions(code);
    }

    @PostMapping("/{code}/actions")
    @Operation(summary = "Take an action ({\"action\",\"note\",\"version\",…}); 200 with the dossier, 409 for a move not allowed now "
            + "or a concurrent change, 403 outside your scope or not yours; honours Idempotency-Key")
    ResponseEntity<Dossier> act(@PathVariable String code, @RequestBody ActionRequest body,
                                @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        var acted = processing.act(code, body, idempotencyKey);
        var response = ResponseEntity.ok();
        if (acted.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(processing.get(code));
    }

    @PostMapping("/assignments")
    @Operation(summary = "Bulk assignment: {\"codes\":[…],\"assignee\" or \"unit\",\"note\"}; each dossier in its own transaction")
    List<DossierProcessing.BulkOutcome> assign(@RequestBody Assignment body) {
        return processing.assignAll(body.codes() == null ? List.of() : body.codes(), body.assignee(), body.unit(), body.note());
    }

    @GetMapping("/waiting")
    @Operation(summary = "Online and postal dossiers waiting for your desk, oldest first")
    List<Dossier> waiting() {
        return intake.waiting();
    }

    @GetMapping("/{code}")
    @Operation(summary = "A dossier with its applicant, documents, times, state, national status, due times, current steps, "
            + "consultations, hand-overs, history and slips")
    Dossier get(@PathVariable String code) {
        return processing.get(code);
    }

    @PostMapping("/{code}/decision")
    @Operation(summary = "The desk's decision on a submitted online or postal dossier: RECEIVE (the clock starts), REQUEST_SUPPLEMENT or REFUSE")
    Created decide(@PathVariable String code, @RequestBody Decision decision) {
        return Created.of(intake.decide(code, decision.outcome(), decision.missing(), decision.note(), decision.version()));
    }

    @GetMapping(path = "/{code}/slips/{form}", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Slip 01 (receipt), 02 (supplement request, the newest), 03 (refusal), 04 (apology and extension), "
            + "05 (stop notice) as issued, or 06 (process control, from the recorded hand-overs), as a PDF")
    ResponseEntity<byte[]> slip(@PathVariable String code, @PathVariable String form) {
        var content = processing.slip(code, form);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("mau-" + form + "-" + code + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(slips.pdf(content));
    }

    @GetMapping("/{code}/files/{fileId}")
    @Operation(summary = "A scan attached to the dossier, for staff who may see the dossier")
    ResponseEntity<InputStreamResource> file(@PathVariable String code, @PathVariable java.util.UUID fileId) {
        var file = intake.file(code, fileId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType())).contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.originalName(), StandardCharsets.UTF_8).build().toString())
                .body(new InputStreamResource(files.open(file)));
    }
}
