/**
 * The statutory slips of Circular 03/2025/TT-VPCP Annex I (forms 01, 02, 03 and the tracking book 07) as print
 * views, PDFs and an xlsx export, rendered from immutable content only: {@link vn.motcua.dossier.slip.Slips} never
 * reads a dossier, so a reprint shows what was true when the slip was issued if the caller stores the
 * {@link vn.motcua.dossier.slip.SlipContent} it issued and renders that again.
 */
@NullMarked
package vn.motcua.dossier.slip;

import org.jspecify.annotations.NullMarked;
