package vn.motcua.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Refusal to start without a database outside demo mode. A production start must name its database; the embedded
 * one, with its published demo passwords, runs only when demo mode is asked for.
 */
final class ProductionModeRequired extends IllegalStateException {

    ProductionModeRequired() {
        super("No database configured (SPRING_DATASOURCE_URL) and demo mode not requested (MOTCUA_MODE=demo)");
    }

    /** Prints the refusal as Spring Boot's "APPLICATION FAILED TO START" report, without a stack trace. */
    static final class Analyzer extends AbstractFailureAnalyzer<ProductionModeRequired> {
        @Override
        protected FailureAnalysis analyze(Throwable root, ProductionModeRequired cause) {
            return new FailureAnalysis("""
                    motcua không khởi động: chưa cấu hình CSDL (SPRING_DATASOURCE_URL) và không ở chế độ demo.
                    motcua did not start: no database is configured (SPRING_DATASOURCE_URL) and demo mode was not requested.""",
                    """
                    Production: set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD (see README, "Production").
                    Trying it out: set MOTCUA_MODE=demo (or the 'demo' profile) to start the embedded PostgreSQL with the demo province
                    and its published demo passwords; './mvnw spring-boot:run' does this for you.""", cause);
        }
    }
}
