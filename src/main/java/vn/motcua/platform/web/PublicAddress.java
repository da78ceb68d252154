package vn.motcua.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Addresses that leave the system (QR codes, printed links) are built from {@code motcua.public-base-url}, for
 * example {@code https://dichvucong.lamdong.gov.vn}, never from the request's Host header, which a client chooses.
 * Unset (development), the request's own address is used.
 */
@Component
public class PublicAddress {

    private final String base;

    PublicAddress(@Value("${motcua.public-base-url:}") String base) {
        this.base = base.strip().replaceAll("/+$", "");
    }

    /** The public address of a path with its variables expanded, for example {@code of("/public/procedures/{code}", code)}. */
    public String of(String path, Object... variables) {
        var builder = base.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath() : UriComponentsBuilder.fromUriString(base);
        return builder.path(path).buildAndExpand(variables).toUriString();
    }
}
