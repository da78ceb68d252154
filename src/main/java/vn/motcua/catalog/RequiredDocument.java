package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A document to bring (thành phần hồ sơ), as the desk checklist will list it: its name, how many originals and copies,
 * whether always required, and the form to fill in. Notes and conditions of the source that are not documents
 * ("Cơ quan đăng ký hộ tịch từ chối…") are kept apart in {@link ProcedureRecord#dossierNotes()}.
 *
 * @param name        the document's name, without list marks ("- ", "+ ", "a) ")
 * @param originals   originals to bring (bản chính)
 * @param copies      copies to bring (bản sao)
 * @param mandatory   false for documents required only in some cases ("(nếu có)", "Trường hợp …")
 * @param templates   the file names of the forms the source attaches ("Mẫu DC02 Phiếu đề nghị….doc")
 * @param group       the heading of the list the document belongs to when the source has several
 *                    ("(1.1) Đối với công trình không theo tuyến"), null when there is one list
 * @param countStated false when the source gives 0 originals and 0 copies (a document to show, not to hand in, or a gap
 *                    for the catalog officer)
 */
public record RequiredDocument(String name, int originals, int copies, boolean mandatory, List<String> templates,
                               boolean reusableFromDigitisedData, @Nullable String group, boolean countStated) {

    public RequiredDocument {
        templates = templates == null ? List.of() : List.copyOf(templates);
    }

    public RequiredDocument(String name, int originals, int copies, boolean mandatory, List<String> templates, boolean reusableFromDigitisedData) {
        this(name, originals, copies, mandatory, templates, reusableFromDigitisedData, null, originals + copies > 0);
    }
}
