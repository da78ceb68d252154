package vn.motcua.organization;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The province this deployment serves (one province per deployment).
 *
 * @param code         the GSO code of the province, for example {@code 68}
 * @param name         its name as shown to people, for example {@code Lâm Đồng}
 * @param electronicId the level-1 group of its agencies' electronic IDs, for example {@code H36}
 */
@ConfigurationProperties("motcua.province")
public record Province(String code, String name, String electronicId) {

    public Province {
        new ElectronicId(electronicId);
    }
}
