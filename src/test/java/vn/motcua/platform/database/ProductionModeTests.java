package vn.motcua.platform.database;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import vn.motcua.MotcuaApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without a database URL the application starts only in demo mode, and says so readably otherwise. */
class ProductionModeTests {

    @Test
    void refusesToStartWithoutADatabaseUnlessDemoModeIsAskedFor() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(MotcuaApplication.class)
                .run("--motcua.mode=production", "--spring.datasource.url=", "--server.port=0"))
                .isInstanceOf(ProductionModeRequired.class);
    }

    @Test
    void theRefusalSaysWhatToSet() {
        var analysis = new ProductionModeRequired.Analyzer().analyze(new ProductionModeRequired());
        assertThat(analysis.getDescription()).contains("SPRING_DATASOURCE_URL");
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL").contains("MOTCUA_MODE=demo");
    }
}
