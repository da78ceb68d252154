package vn.motcua.organization;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.IntegrationTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong passwords slow down the address that sends them, for that account only; the holder signs in from
 * elsewhere, parallel guesses never get past the limit nor make the server fail, and unknown usernames look
 * the same as known ones.
 */
class LoginLockoutTests extends IntegrationTest {

    @Autowired
    StaffDirectory staff;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void fiveWrongPasswordsSlowDownThatAddressButTheHolderSignsInFromAnother() throws Exception {
        String username = "cv.khoa" + unique();
        staff.create(new StaffDraft(username, "Đoàn Văn Khoá", null, null, null, "dung-mat-khau"));
        for (int i = 0; i < 5; i++) {
            assertThat(call(username, "sai-mat-khau", "203.0.113.61")).isEqualTo(401);
        }
        var throttled = response(username, "dung-mat-khau", "203.0.113.61");
        assertThat(throttled.statusCode()).as("the guessing address waits").isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(throttled.body()).contains("\"code\":\"too-many-sign-ins\"").contains("Thử lại sau");
        assertThat(call(username, "dung-mat-khau", "198.51.100.62")).as("the holder, elsewhere").isEqualTo(200);
        assertThat(staff.byUsername(username).orElseThrow().lockedUntil()).as("never locked").isNull();
    }

    @Test
    void fortyParallelGuessesCheckAtMostFivePasswordsAndNeverFail() throws Exception {
        String username = "cv.song" + unique();
        staff.create(new StaffDraft(username, "Lê Văn Song", null, null, null, "dung-mat-khau"));
        var start = new CountDownLatch(1);
        var calls = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 40; i++) {
            String password = i == 39 ? "dung-mat-khau" : "sai-" + i;
            calls.add(() -> {
                start.await();
                return call(username, password, "203.0.113.63");
            });
        }
        var statuses = new ArrayList<Integer>();
        try (var pool = Executors.newFixedThreadPool(40)) {
            var futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (var f : futures) {
                statuses.add(f.get());
            }
        }
        assertThat(statuses).allMatch(s -> s == 200 || s == 401 || s == 429);
        // five free tries, checked at most five at a time; the right password, when it is among them, clears the count
        boolean rightOneChecked = statuses.contains(200);
        assertThat(statuses.stream().filter(s -> s == 401).count()).as("passwords checked and wrong")
                .isLessThanOrEqualTo(rightOneChecked ? 10 : 5);
        assertThat(statuses.stream().filter(s -> s == 429).count()).as("refused unchecked").isGreaterThanOrEqualTo(29);
        assertThat(call(username, "dung-mat-khau", "198.51.100.64")).as("the holder, elsewhere").isEqualTo(200);
        var account = staff.byUsername(username).orElseThrow();
        assertThat(account.active()).isTrue();
    }

    @Test
    void anApiClientSigningTwelveParallelRequestsWithTheRightPasswordGetsThemAll() throws Exception {
        String username = "cv.nhanh" + unique();
        staff.create(new StaffDraft(username, "Trần Văn Nhanh", null, null, null, "dung-mat-khau"));
        var start = new CountDownLatch(1);
        var statuses = new ArrayList<Integer>();
        try (var pool = Executors.newFixedThreadPool(12)) {
            var futures = new ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 12; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call(username, "dung-mat-khau", "203.0.113.68");
                }));
            }
            start.countDown();
            for (var f : futures) {
                statuses.add(f.get());
            }
        }
        assertThat(statuses).as("more parallel sign-ins than free places, none of them wrong").containsOnly(200);
        // and the guessing limit still holds right after, from the same address
        for (int i = 0; i < 5; i++) {
            assertThat(call(username, "sai-" + i, "203.0.113.68")).isEqualTo(401);
        }
        assertThat(call(username, "dung-mat-khau", "203.0.113.68")).isEqualTo(429);
    }

    @Test
    void anUnknownUsernameIsAnsweredLikeAWrongPassword() throws Exception {
        String username = "cv.that" + unique();
        staff.create(new StaffDraft(username, "Phan Văn Thật", null, null, null, "dung-mat-khau"));
        var known = response(username, "sai-mat-khau", "203.0.113.65");
        var unknown = response("khong.co." + unique(), "sai-mat-khau", "203.0.113.65");
        assertThat(unknown.statusCode()).isEqualTo(known.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(known.body());
        for (int i = 0; i < 4; i++) {
            response("khong.co.ai", "sai", "203.0.113.66");
        }
        assertThat(response("khong.co.ai", "sai", "203.0.113.66").statusCode()).as("throttled like a real account").isEqualTo(401);
        assertThat(response("khong.co.ai", "sai", "203.0.113.66").statusCode()).isEqualTo(429);
    }

    @Test
    void aDeactivatedAccountCannotSignInAndLooksUnknown() throws Exception {
        String username = "cv.nghi" + unique();
        var account = staff.create(new StaffDraft(username, "Hồ Thị Nghỉ", null, null, null, "dung-mat-khau"));
        assertThat(call(username, "dung-mat-khau", "203.0.113.67")).isEqualTo(200);
        staff.deactivate(account.id());
        var refused = response(username, "dung-mat-khau", "203.0.113.67");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo(response("khong.co." + unique(), "x", "203.0.113.67").body());
        assertThat(staff.get(account.id()).active()).as("kept, not deleted").isFalse();
    }

    private int call(String username, String password, String address) throws Exception {
        return response(username, password, address).statusCode();
    }

    private HttpResponse<String> response(String username, String password, String address) throws Exception {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/me")).header("Authorization", "Basic " + token)
                .header("X-Forwarded-For", address).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
