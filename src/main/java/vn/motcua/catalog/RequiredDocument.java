package vn.motcua.catalog;

import java.util.List;

/** A document in the dossier (thành phần hồ sơ): how many originals and copies, whether always required, its forms. */
public record RequiredDocument(String name, int originals, int copies, boolean mandatory, List<String> templates,
                               boolean reusableFromDigitisedData) {
}
