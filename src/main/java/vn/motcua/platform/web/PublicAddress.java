package vn.motcua.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Addresses that leave the system (QR codes, printed links) are built from {@code motcua.public-base-url}, for
 * example {@code https://dichvucong.lamdong.gov.vn}, never from the request's Host header, which a client chooses.
 * Unset (development), the request's own address is used, and outside a request (a job, the portal exchange)
 * {@code http://localhost:<port>}: set the property in production.
 */
@Component
public class PublicAddress {

    private final String base;
    private final Environment environment;

    PublicAddress(@Value("${motcua.public-base-url:}") String base, Environment environment) {
        this.base = base.strip().replaceAll("/+$", "");
        this.environment = environment;
    }

    /** The public address of a path with its variables expanded, for example {@code of("/public/procedures/{code}", code)}. */
    public String of(String path, Object... variables) {
        UriComponentsBuilder builder;
        if (!base.isEmpty()) {
            builder = UriComponentsBuilder.fromUriString(base);
        } else if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes) {
            builder = ServletUriComponentsBuilder.fromCurrentContextPath();
        } else {
            builder = UriComponentsBuilder.fromUriString("http://localhost:"
                    + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")));
        }
        return builder.path(path).buildAndExpand(variables).toUriString();
    }
}
