package vn.motcua.platform.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import java.nio.charset.StandardCharsets;

/**
 * Two doors. {@code /api/**}: stateless, a personal access token ({@code Authorization: Bearer mct_…}, answered
 * from memory by {@link BearerTokens}) or HTTP Basic with a staff account (for people trying the API: it costs
 * a password hash per call), no cookies, so no CSRF.
 * Everything else: form login, sessions kept in the database (Spring Session JDBC), CSRF on every form.
 * Public are only the pages and endpoints meant for citizens; which data a signed-in user may see
 * within the province is decided by the owning module from the user's role assignments.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Read-only API endpoints meant for citizens and outside clients. */
    static final String[] PUBLIC_API_READS = {"/api/v1/agencies", "/api/v1/agencies/*", "/api/v1/calendar/**", "/api/v1/procedures", "/api/v1/procedures/**", "/api/v1/public/**"};

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectProvider<BearerTokens> tokens,
                            @org.springframework.beans.factory.annotation.Value("${motcua.require-https:false}") boolean requireHttps) throws Exception {
        WebHardening.api(http, requireHttps);
        tokens.ifAvailable(bearer -> http.addFilterBefore(new BearerTokenFilter(bearer, response -> {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"motcua\", error=\"invalid_token\"");
            writeProblem(response, HttpStatus.UNAUTHORIZED, "invalid-token", "Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi.");
        }), BasicAuthenticationFilter.class));
        return http
                .securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/docs", "/api/docs/**", "/api/swagger-ui/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, PUBLIC_API_READS).permitAll()
                        // the applicant's rating proves the dossier itself (dossier.rating.DossierRatings); rate-limited
                        .requestMatchers(HttpMethod.POST, "/api/v1/public/dossiers/*/rating").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("motcua").authenticationEntryPoint((request, response, e) ->
                        WebHardening.basicFailure(response, e)))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        writeProblem(response, HttpStatus.FORBIDDEN, "forbidden", "Bạn không có quyền với dữ liệu này.")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http,
                            @org.springframework.beans.factory.annotation.Value("${motcua.require-https:false}") boolean requireHttps) throws Exception {
        WebHardening.pages(http, requireHttps);
        return http
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/", "/login", "/error", "/webjars/**", "/css/**", "/img/**", "/js/**", "/favicon.ico",
                            "/public/**", "/tra-cuu", "/tra-cuu/**").permitAll();
                    for (var page : AdminPage.values()) { // in the table's order: the first rule that matches decides
                        auth.requestMatchers(page.matcher()).hasAnyRole(roles(page));
                    }
                    auth.anyRequest().authenticated();
                })
                .exceptionHandling(ex -> ex.accessDeniedHandler(new PageRefusals()))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll()
                        .failureHandler(WebHardening::formFailure))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .httpBasic(basic -> basic.disable())
                .build();
    }

    private static String[] roles(AdminPage page) {
        return page.roles().toArray(String[]::new);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    private static void writeProblem(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String code, String detail)
            throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                {"type":"https://motcua.vn/problems/%s","title":"%s","status":%d,"detail":"%s","code":"%s"}"""
                .formatted(code, vn.motcua.platform.web.Problems.title(status.value()), status.value(), detail, code));
    }
}
