package vn.motcua.dossier.slip;

import org.jspecify.annotations.Nullable;
import vn.motcua.platform.TimeConfiguration;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the tracking-book template is given: rows numbered, times as "01/12/2026 09:15". */
final class TrackingBookView {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private TrackingBookView() {
    }

    record Line(int number, TrackingBook.Row row, When received, When appointment, When transferred,
                When resultReceived, When returned) {
    }

    /** A day and a time printed on two lines of a narrow column; both blank when the moment has not come. */
    record When(String day, String time) {
        static When of(@Nullable Instant at) {
            if (at == null) {
                return new When("", "");
            }
            var local = at.atZone(TimeConfiguration.VIETNAM);
            return new When(local.format(DAY), local.format(TIME));
        }
    }

    static Map<String, Object> of(TrackingBook book, boolean forPdf) {
        Map<String, Object> v = SlipView.header(book.issuer(), forPdf);
        v.put("book", book);
        v.put("placeAndDate", VietnameseDates.placeAndDate(book.place(), book.issuedAt()));
        v.put("period", "Từ " + VietnameseDates.date(book.from()) + " đến " + VietnameseDates.date(book.to()));
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < book.rows().size(); i++) {
            var r = book.rows().get(i);
            lines.add(new Line(book.firstNumber() + i, r, When.of(r.receivedAt()), When.of(r.appointmentAt()),
                    When.of(r.transferredAt()), When.of(r.resultReceivedAt()), When.of(r.returnedAt())));
        }
        v.put("lines", lines);
        return v;
    }
}
