/**
 * The procedure catalog (TTHC): every procedure with the components of Decree 63/2010 Art. 8, versioned by
 * the publishing decisions that create, amend, replace and abolish them; imports of national and provincial
 * exports; a Lucene index for Vietnamese search; QR codes for the public pages.
 */
@ApplicationModule(allowedDependencies = {"platform", "organization", "calendar"})
@NullMarked
package vn.motcua.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
