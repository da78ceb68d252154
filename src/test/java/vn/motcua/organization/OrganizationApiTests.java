package vn.motcua.organization;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import vn.motcua.IntegrationTest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizationApiTests extends IntegrationTest {

    @Autowired
    AgencyDirectory agencies;

    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    UUID agency(String electronicId) {
        return agencies.findByElectronicId(electronicId).orElseThrow().id();
    }

    @Test
    void listsTheProvincesAgenciesPubliclyInTheDocumentedShape() {
        var response = anonymous().get().uri("/api/v1/agencies").retrieve().toEntity(LIST);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        var centre = response.getBody().stream().filter(a -> "H36.201.01".equals(a.get("electronicId"))).findFirst().orElseThrow();
        assertThat(centre).containsOnlyKeys("id", "electronicId", "name", "type", "parent", "validFrom", "validTo");
        assertThat(centre).containsEntry("type", "COMMUNE_SERVICE_CENTRE")
                .containsEntry("name", "Trung tâm Phục vụ hành chính công phường Xuân Hương - Đà Lạt")
                .containsEntry("parent", agency("H36.201").toString())
                .containsEntry("validFrom", "2025-07-01");
        assertThat(response.getBody()).extracting(a -> a.get("type")).contains(
                "PROVINCIAL_PEOPLES_COMMITTEE", "PROVINCIAL_DEPARTMENT", "PROVINCIAL_SERVICE_CENTRE",
                "SERVICE_CENTRE_BRANCH", "COMMUNE_PEOPLES_COMMITTEE", "COMMUNE_SERVICE_CENTRE");
    }

    @Test
    void aCommuneOfficerIsRefusedAnotherCommunesStaff() {
        var own = as("tn.xuanhuong").get().uri("/api/v1/agencies/{id}/staff", agency("H36.201.01")).retrieve().toEntity(LIST);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody()).extracting(s -> s.get("username")).containsExactly("tn.xuanhuong");

        var other = as("tn.xuanhuong").get().uri("/api/v1/agencies/{id}/staff", agency("H36.203.01")).retrieve().toEntity(OBJECT);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(other.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(other.getBody()).containsEntry("code", "forbidden").containsEntry("status", 403);
    }

    @Test
    void aCentreManagerSeesTheBranchesUnderTheCentreButNotACommune() {
        var branch = as("gd.ttpvhcc").get().uri("/api/v1/agencies/{id}/units", agency("H36.50.01")).retrieve().toBodilessEntity();
        assertThat(branch.getStatusCode()).isEqualTo(HttpStatus.OK);
        var commune = as("gd.ttpvhcc").get().uri("/api/v1/agencies/{id}/units", agency("H36.205")).retrieve().toBodilessEntity();
        assertThat(commune.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void staffListsAreScopedToTheUsersAgencies() {
        var mine = as("tn.phanthiet").get().uri("/api/v1/staff").retrieve().toEntity(LIST).getBody();
        assertThat(mine).extracting(s -> s.get("username")).containsExactly("tn.phanthiet");
        var all = as("admin").get().uri("/api/v1/staff").retrieve().toEntity(LIST).getBody();
        assertThat(all).extracting(s -> s.get("username")).contains("tn.phanthiet", "tn.xuanhuong", "cv.stp");
    }

    @Test
    void aRoleInAUnitReachesThatUnitOnlyAndARoleInTheAgencyReachesAllOfIt() {
        UUID justice = agency("H36.10");
        var specialist = as("cv.stp").get().uri("/api/v1/agencies/{id}/staff", justice).retrieve().toEntity(LIST).getBody();
        assertThat(specialist).extracting(s -> s.get("username")).containsExactlyInAnyOrder("cv.stp", "tp.stp");
        var director = as("gd.stp").get().uri("/api/v1/agencies/{id}/staff", justice).retrieve().toEntity(LIST).getBody();
        assertThat(director).extracting(s -> s.get("username")).containsExactlyInAnyOrder("pc.stp", "cv.stp", "tp.stp", "gd.stp", "vt.stp");
        var clerkId = director.stream().filter(s -> s.get("username").equals("vt.stp")).findFirst().orElseThrow().get("id");
        assertThat(as("cv.stp").get().uri("/api/v1/staff/{id}", clerkId).retrieve().toBodilessEntity().getStatusCode())
                .as("the clerk works in another unit").isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void withoutCredentialsTheApiAnswers401AsProblemDetails() {
        var response = anonymous().get().uri("/api/v1/staff").retrieve().toEntity(OBJECT);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getBody()).containsEntry("code", "unauthenticated");
    }

    @Test
    void onlyAnAdministratorCreatesAgencies() {
        var draft = Map.of("electronicId", uniqueElectronicId(), "name", "UBND xã Thử", "type", "COMMUNE_PEOPLES_COMMITTEE",
                "validFrom", "2025-07-01");
        var refused = as("tn.xuanhuong").post().uri("/api/v1/agencies").body(draft).retrieve().toEntity(OBJECT);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var created = as("admin").post().uri("/api/v1/agencies").body(draft).retrieve().toEntity(OBJECT);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("electronicId", draft.get("electronicId"));
    }

    @Test
    void anInvalidElectronicIdIsRefusedWithTheFieldNamed() {
        var response = as("admin").post().uri("/api/v1/agencies").body(Map.of("electronicId", "H36-01", "name", "Sở Thử",
                "type", "PROVINCIAL_DEPARTMENT", "validFrom", "2025-07-01")).retrieve().toEntity(OBJECT);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).containsEntry("code", "validation");
        assertThat(response.getBody().get("invalidParams").toString()).contains("electronicId", "QĐ 20/2020");
    }

    @Test
    void anAgencyOfAnotherProvinceIsRefused() {
        var response = as("admin").post().uri("/api/v1/agencies").body(Map.of("electronicId", "H56.14", "name", "Sở của tỉnh khác",
                "type", "PROVINCIAL_DEPARTMENT", "validFrom", "2025-07-01")).retrieve().toEntity(OBJECT);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("detail").toString()).contains("H36");
        assertThat(agencies.findByElectronicId("H56.14")).isEmpty();
    }

    @Test
    void missingFieldsAreListedOneByOne() {
        var response = as("admin").post().uri("/api/v1/agencies").body(Map.of("electronicId", "")).retrieve().toEntity(OBJECT);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).containsEntry("code", "validation");
        assertThat(response.getBody().get("invalidParams").toString()).contains("electronicId", "name", "type", "validFrom");
    }

    @Test
    void aDuplicateUsernameIsRefusedAndTheFirstAccountIsUntouched() {
        String username = "cv.trung" + unique();
        var first = as("admin").post().uri("/api/v1/staff").body(Map.of("username", username, "fullName", "Lê Văn Một",
                "password", "matkhau-dai-du")).retrieve().toEntity(OBJECT);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        var second = as("admin").post().uri("/api/v1/staff").body(Map.of("username", username, "fullName", "Lê Văn Hai",
                "password", "matkhau-dai-du")).retrieve().toEntity(OBJECT);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getBody()).containsEntry("code", "organization.duplicate-username");
        var stored = as("admin").get().uri("/api/v1/staff/{id}", first.getBody().get("id")).retrieve().toEntity(OBJECT).getBody();
        assertThat(stored).containsEntry("fullName", "Lê Văn Một");
    }

    @Test
    void aRoleScopedToAnAgencyOutsideTheProvinceIsRefused() {
        var account = as("admin").post().uri("/api/v1/staff").body(Map.of("username", "cv.ngoai" + unique(), "fullName", "Trần Văn Ngoài",
                "password", "matkhau-dai-du")).retrieve().toEntity(OBJECT).getBody();
        var response = as("admin").post().uri("/api/v1/staff/{id}/roles", account.get("id"))
                .body(Map.of("role", "SPECIALIST", "agencyId", UUID.randomUUID().toString())).retrieve().toEntity(OBJECT);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(response.getBody()).containsEntry("code", "organization.agency-outside-province");
        var stored = as("admin").get().uri("/api/v1/staff/{id}", account.get("id")).retrieve().toEntity(OBJECT).getBody();
        assertThat((List<?>) stored.get("roles")).isEmpty();
    }

    @Test
    void concurrentEditsOfOneAgencyFailCleanly() {
        var created = agencies.create(new AgencyDraft(uniqueElectronicId(), "UBND xã Sửa", AgencyType.COMMUNE_PEOPLES_COMMITTEE,
                null, java.time.LocalDate.of(2025, 7, 1), null));
        var body = Map.of("electronicId", created.electronicId(), "name", "UBND xã Sửa lần một", "type", "COMMUNE_PEOPLES_COMMITTEE",
                "validFrom", "2025-07-01");
        var first = as("admin").put().uri("/api/v1/agencies/{id}", created.id()).header("If-Match", "\"0\"").body(body)
                .retrieve().toEntity(OBJECT);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        var stale = as("admin").put().uri("/api/v1/agencies/{id}", created.id()).header("If-Match", "\"0\"")
                .body(Map.of("electronicId", created.electronicId(), "name", "UBND xã Sửa lần hai", "type", "COMMUNE_PEOPLES_COMMITTEE",
                        "validFrom", "2025-07-01")).retrieve().toEntity(OBJECT);
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody()).containsEntry("code", "concurrent-edit");
        assertThat(agencies.get(created.id()).name()).isEqualTo("UBND xã Sửa lần một");
    }

    @Test
    void aReissuedElectronicIdKeepsTheOldOneInHistory() {
        String old = uniqueElectronicId();
        String renewed = uniqueElectronicId();
        var created = agencies.create(new AgencyDraft(old, "UBND xã Đổi mã", AgencyType.COMMUNE_PEOPLES_COMMITTEE,
                null, java.time.LocalDate.of(2025, 7, 1), null));
        agencies.update(created.id(), new AgencyDraft(renewed, "UBND xã Đổi mã", AgencyType.COMMUNE_PEOPLES_COMMITTEE,
                null, java.time.LocalDate.of(2025, 7, 1), null), created.version());
        var stored = agencies.get(created.id());
        assertThat(stored.electronicId()).isEqualTo(renewed);
        assertThat(stored.history()).extracting(ElectronicIdPeriod::electronicId).containsExactly(old, renewed);
        assertThat(stored.history().getFirst().validTo()).isNotNull();
        assertThat(agencies.heldOn(old, java.time.LocalDate.of(2025, 8, 1))).map(AgencyView::id).contains(created.id());
    }
}
