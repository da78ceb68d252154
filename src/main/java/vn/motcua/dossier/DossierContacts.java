package vn.motcua.dossier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * The applicant's contact for other modules (notifications), so that none reads the dossier's tables. One SELECT by
 * the dossier's code (unique index), inside the caller's transaction when there is one: a listener of a
 * {@link DossierEvent} sees the dossier as the transaction that published the event wrote it.
 */
@Service
public class DossierContacts {

    private final JdbcClient jdbc;

    DossierContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<DossierContact> contactOf(String code) {
        return jdbc.sql("""
                        select code, applicant_name, applicant ->> 'email' as email, applicant ->> 'phone' as phone,
                               procedure_code, procedure_name, receiving_agency_name, handling_agency_name
                        from dossier.dossier where code = :code""")
                .param("code", code)
                .query((rs, i) -> new DossierContact(rs.getString("code"), rs.getString("applicant_name"), blankToNull(rs.getString("email")),
                        blankToNull(rs.getString("phone")), rs.getString("procedure_code"), rs.getString("procedure_name"),
                        rs.getString("receiving_agency_name"), rs.getString("handling_agency_name")))
                .optional();
    }

    private static @org.jspecify.annotations.Nullable String blankToNull(@org.jspecify.annotations.Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
