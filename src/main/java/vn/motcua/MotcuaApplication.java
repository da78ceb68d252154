package vn.motcua;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** motcua: the one-stop administrative-procedure system of one province. */
@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
public class MotcuaApplication {

    public static void main(String[] args) {
        SpringApplication.run(MotcuaApplication.class, args);
    }
}
