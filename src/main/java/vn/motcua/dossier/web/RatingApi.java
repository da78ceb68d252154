package vn.motcua.dossier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.dossier.DossierRated;
import vn.motcua.dossier.rating.DossierRatings;
import vn.motcua.dossier.rating.RatingQuestion;
import vn.motcua.platform.web.ApiController;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The applicant's rating of the service once the result is returned (public, rate-limited per address like the
 * lookup), the questions in force, and, for administrators, a new set of questions from a future day.
 */
@ApiController("/api/v1")
@Tag(name = "Đánh giá sự phục vụ (rating)")
class RatingApi {

    private final DossierRatings ratings;

    RatingApi(DossierRatings ratings) {
        this.ratings = ratings;
    }

    /** {@code verify}: the last four digits of the phone number, ID number or tax code given at intake. */
    record RatingBody(@Nullable String verify, @Nullable Map<String, Integer> answers, @Nullable String comment) {
    }

    record NewQuestions(@Nullable LocalDate validFrom, @Nullable List<RatingQuestion> questions) {
    }

    @PostMapping("/public/dossiers/{code}/rating")
    @Operation(summary = "Rate the service once the dossier's result is returned (once per dossier); verify = last 4 digits of the "
            + "applicant's phone, ID number or tax code; answers = {questionCode: value} for the questions in force")
    ResponseEntity<DossierRated> rate(@PathVariable String code, @RequestBody RatingBody body) {
        var rated = ratings.rateAsApplicant(code, body.verify(), new DossierRatings.Submission(body.answers(), body.comment()));
        return ResponseEntity.status(HttpStatus.CREATED).body(rated);
    }

    @GetMapping("/public/rating-questions")
    @Operation(summary = "The questions of the satisfaction survey in force on a day (today by default), with their answers")
    List<RatingQuestion> questions(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on) {
        return on == null ? ratings.questions() : ratings.questions(on);
    }

    @PutMapping("/rating-questions")
    @Operation(summary = "ADMIN: publish a new set of questions from a future day; the set in force ends the day before")
    ResponseEntity<List<RatingQuestion>> publish(@RequestBody NewQuestions body) {
        LocalDate from = ratings.publish(body.validFrom(), body.questions() == null ? List.of() : body.questions());
        return ResponseEntity.ok(ratings.questions(from));
    }
}
