package vn.motcua.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /api/docs/openapi.json and its UI at /api/docs. */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    @Bean
    OpenAPI motcuaApi() {
        return new OpenAPI()
                .info(new Info().title("motcua API").version("v1")
                        .description("""
                                Hệ thống thông tin giải quyết thủ tục hành chính. Reads meant for citizens are public; \
                                everything else takes a personal access token (`Authorization: Bearer mct_…`, issued \
                                by an administrator for a staff account) or, for trying the API, HTTP Basic with a \
                                staff account, and is limited to the agencies of that account's role assignments. \
                                Errors are RFC 9457 problem details with a stable `code`.""")
                        .license(new License().name("open source")))
                .components(new Components()
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("Personal access token (mct_…), see POST /api/v1/staff/{id}/tokens"))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("token"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
