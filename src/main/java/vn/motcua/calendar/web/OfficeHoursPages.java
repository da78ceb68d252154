package vn.motcua.calendar.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.motcua.calendar.OfficeHours;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.organization.AgencyDirectory;
import vn.motcua.organization.AgencyView;
import vn.motcua.organization.StaffDirectory;
import vn.motcua.platform.security.AdminPage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Office hours as the people responsible for a desk read them ({@link AdminPage#OFFICE_HOURS}): the province's
 * default hours, and for each agency in the reader's scope its own hours or the default it follows. Administrators
 * change them on the calendar page.
 */
@Controller
class OfficeHoursPages {

    private final WorkingCalendar calendar;
    private final AgencyDirectory agencies;
    private final StaffDirectory staff;
    private final Clock clock;

    OfficeHoursPages(WorkingCalendar calendar, AgencyDirectory agencies, StaffDirectory staff, Clock clock) {
        this.calendar = calendar;
        this.agencies = agencies;
        this.staff = staff;
        this.clock = clock;
    }

    /** An agency in scope with the rows of its own hours (none: it follows the default). */
    record AgencyHours(AgencyView agency, List<OfficeHours> own) {
    }

    @GetMapping("/admin/office-hours")
    String page(Authentication user, Model model) {
        var scope = staff.scopeOf(user.getName(), AdminPage.OFFICE_HOURS);
        var rows = calendar.officeHours();
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("defaults", rows.stream().filter(h -> h.agencyId() == null).toList());
        // the whole province: only the agencies that have hours of their own (a thousand "as the default" say nothing)
        model.addAttribute("agencies", agencies.all().stream()
                .filter(a -> a.activeOn(today) && scope.covers(a.id()))
                .map(a -> new AgencyHours(a, rows.stream().filter(h -> Objects.equals(h.agencyId(), a.id())).toList()))
                .filter(a -> !scope.wholeProvince() || !a.own().isEmpty())
                .toList());
        model.addAttribute("wholeProvince", scope.wholeProvince());
        model.addAttribute("places", agencies.places(scope));
        return "calendar/office-hours";
    }
}
