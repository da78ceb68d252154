package vn.motcua.platform;

import org.junit.jupiter.api.Test;
import vn.motcua.organization.AgencyType;
import vn.motcua.organization.Role;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text on a page comes from the message bundles, and Vietnamese and English have the same keys. */
class MessagesTests {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z0-9.\\-]+)[}(]");

    @Test
    void vietnameseAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("messages_en.properties").stringPropertyNames()).isEqualTo(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> used = new HashSet<>();
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                var matcher = KEY.matcher(Files.readString(template));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        Arrays.stream(Role.values()).forEach(r -> used.add("role." + r));
        Arrays.stream(AgencyType.values()).forEach(t -> used.add("agencyType." + t));
        Arrays.stream(vn.motcua.calendar.DayKind.values()).forEach(k -> used.add("dayKind." + k));
        Arrays.stream(vn.motcua.calendar.RoundingPolicy.values()).forEach(r -> used.add("rounding." + r));
        Arrays.stream(java.time.DayOfWeek.values()).forEach(d -> used.add("weekday." + d));
        java.util.stream.IntStream.rangeClosed(1, 12).forEach(m -> used.add("month." + m));
        Arrays.stream(vn.motcua.catalog.ProcedureLevel.values()).forEach(l -> used.add("level." + l));
        Arrays.stream(vn.motcua.catalog.OnlineLevel.values()).forEach(o -> used.add("online." + o));
        Arrays.stream(vn.motcua.catalog.Decision.Change.values()).forEach(c -> used.add("change." + c));
        java.util.List.of("DIRECT", "ONLINE", "POSTAL").forEach(c -> used.add("channel." + c));
        java.util.List.of("WORKING_DAY", "WORKING_HOUR", "CALENDAR_DAY", "SAME_DAY", "MONTH").forEach(u -> used.add("unit." + u));
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
    }

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
