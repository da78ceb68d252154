package vn.motcua.calendar;

import java.time.LocalDateTime;

/** A statutory time limit applied: the start normalised to office hours, and when it falls due (Vietnam's clock). */
public record Deadline(LocalDateTime start, LocalDateTime due) {
}
