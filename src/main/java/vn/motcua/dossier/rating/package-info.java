/**
 * The applicant's rating of the service once the result is returned: the questions in force (data with effective
 * dates), one rating per dossier counted for the desk officer who received it, from the receipt's QR code or at the
 * desk screen. Publishes {@link vn.motcua.dossier.DossierRated}.
 */
@NullMarked
package vn.motcua.dossier.rating;

import org.jspecify.annotations.NullMarked;
