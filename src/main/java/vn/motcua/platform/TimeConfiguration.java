package vn.motcua.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** Legal dates and times are Vietnam's (UTC+7, no daylight saving); they come from this clock, never the JVM's zone. */
@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Bean
    Clock clock() {
        return Clock.system(VIETNAM);
    }
}
