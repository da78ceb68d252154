/**
 * Working time: the Vietnamese lunar calendar (UTC+7), statutory holidays (Labor Code 2019 Art. 111-112)
 * with each year's announced exceptions, office hours per agency, and the only deadline arithmetic in
 * the system. Every statutory due date is computed here.
 */
@ApplicationModule(allowedDependencies = {"platform", "organization"})
@NullMarked
package vn.motcua.calendar;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
