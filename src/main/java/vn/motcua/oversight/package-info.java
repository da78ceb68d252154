/**
 * Oversight: what leaders and the Home Affairs reform officer read about how procedures are handled: on-time rates,
 * the Decision 766 service index, dashboards, public disclosure, periodic reports. It keeps its own projections, fed
 * by the other modules' events, and never reads their tables. The index's groups, indicators, points, targets and
 * rating bands are data with effective dates ({@code oversight/index766-*.csv}), scored by {@link
 * vn.motcua.oversight.IndexScoring}.
 */
@ApplicationModule(allowedDependencies = {"platform", "dossier", "organization", "catalog", "calendar"})
@NullMarked
package vn.motcua.oversight;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
