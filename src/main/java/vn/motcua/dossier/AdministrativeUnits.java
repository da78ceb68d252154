package vn.motcua.dossier;

import org.apache.commons.csv.CSVFormat;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 34 provinces and 3,321 communes, wards and special zones after the 1/7/2025 merger, by their GSO codes, for
 * applicants' addresses (resource {@code dossier/admin-units-2026-07-25.csv}, made from
 * thanglequoc/vietnamese-provinces-database, MIT, state of 25/7/2026 including Resolution 30/2026/QH16).
 */
@Component
public class AdministrativeUnits {

    public record Province(String code, String name, List<Ward> wards) {
    }

    public record Ward(String code, String name, String provinceCode) {
    }

    private final Map<String, Province> provinces = new LinkedHashMap<>();
    private final Map<String, Ward> wards = new LinkedHashMap<>();

    AdministrativeUnits() {
        var byProvince = new LinkedHashMap<String, List<Ward>>();
        var names = new LinkedHashMap<String, String>();
        try (var reader = new InputStreamReader(new ClassPathResource("dossier/admin-units-2026-07-25.csv").getInputStream(),
                StandardCharsets.UTF_8)) {
            for (var row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                var ward = new Ward(row.get("ward_code"), row.get("ward"), row.get("province_code"));
                names.put(ward.provinceCode(), row.get("province"));
                byProvince.computeIfAbsent(ward.provinceCode(), k -> new ArrayList<>()).add(ward);
                wards.put(ward.code(), ward);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byProvince.forEach((code, list) -> provinces.put(code, new Province(code, names.get(code), Collections.unmodifiableList(list))));
    }

    public List<Province> provinces() {
        return List.copyOf(provinces.values());
    }

    public Optional<Province> province(String code) {
        return Optional.ofNullable(provinces.get(code));
    }

    public Optional<Ward> ward(String code) {
        return Optional.ofNullable(wards.get(code));
    }
}
