package vn.motcua.platform.security;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing without locking anyone out. Failures are counted per account <em>and</em> client
 * address: after {@code motcua.login.max-failures} wrong passwords from one address, that address waits before each
 * further try for that account (1 min, 2 min, 4 min… up to {@code motcua.login.lock-minutes}); from every other address the
 * account works as before, so a stranger cannot lock out its holder. A second count per address alone
 * ({@code motcua.login.max-failures-per-address}) slows down one address trying many usernames.
 *
 * <p>A try <em>reserves</em> its place before the password is checked, atomically, so parallel guesses cannot get
 * past the limit: at most {@code max-failures} passwords are ever being checked for one account from one address. A try
 * that finds every place taken by tries still being checked <em>waits</em> for one to finish (up to
 * {@code motcua.login.busy-wait-seconds}, 5 by default) rather than being refused: an API client that signs every one
 * of its parallel requests with the right password (HTTP Basic) gets through, while guesses are still checked at most
 * {@code max-failures} at a time and are refused as soon as the failures reach the limit.
 * Usernames that do not exist are counted exactly like those that do, so the answers reveal nothing. Counts live in
 * memory, per node.
 */
@Component
public class LoginThrottle {

    private static final Duration BUSY_POLL = Duration.ofMillis(20);

    private final ConcurrentHashMap<String, Count> counts = new ConcurrentHashMap<>();
    private final int freePerAccount;
    private final int freePerAddress;
    private final Duration longest;
    private final Duration busyWait;
    private final Clock clock;

    LoginThrottle(@Value("${motcua.login.max-failures:5}") int freePerAccount,
                  @Value("${motcua.login.max-failures-per-address:50}") int freePerAddress,
                  @Value("${motcua.login.lock-minutes:15}") int longestMinutes,
                  @Value("${motcua.login.busy-wait-seconds:5}") int busyWaitSeconds, Clock clock) {
        this.busyWait = Duration.ofSeconds(busyWaitSeconds);
        this.freePerAccount = freePerAccount;
        this.freePerAddress = freePerAddress;
        this.longest = Duration.ofMinutes(longestMinutes);
        this.clock = clock;
    }

    /** A reserved try: report its outcome exactly once. */
    public interface Attempt {
        void succeeded();

        void failed();

        /** Neither success nor a wrong password (an error): frees the place. */
        void abandoned();
    }

    /**
     * Reserves a try for this username from this address, or says how long to wait. Waits (sleeping, on the caller's
     * virtual thread) while every place is held by a try still being checked.
     */
    public Attempt begin(String username, String address) throws Throttled {
        String account = "account:" + username.toLowerCase(Locale.ROOT) + "@" + address;
        String source = "address:" + address;
        long giveUpAt = System.nanoTime() + busyWait.toNanos();
        while (true) {
            Instant now = clock.instant();
            Refusal refused = reserve(source, freePerAddress, now);
            if (refused == null) {
                refused = reserve(account, freePerAccount, now);
                if (refused != null) {
                    release(source);
                }
            }
            if (refused == null) {
                break;
            }
            if (!refused.busy() || System.nanoTime() > giveUpAt) {
                throw new Throttled(refused.retryAfter());
            }
            try {
                Thread.sleep(BUSY_POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Throttled(refused.retryAfter());
            }
        }
        return new Attempt() {
            private boolean done;

            @Override
            public synchronized void succeeded() {
                if (!done) {
                    done = true;
                    // the right password clears the failures, not the places of tries still being checked
                    counts.computeIfPresent(account, (k, c) -> c.pending <= 1 ? null : new Count(0, c.pending - 1, Instant.MIN));
                    release(source);
                }
            }

            @Override
            public synchronized void failed() {
                if (!done) {
                    done = true;
                    Instant at = clock.instant();
                    fail(account, freePerAccount, at);
                    fail(source, freePerAddress, at);
                }
            }

            @Override
            public synchronized void abandoned() {
                if (!done) {
                    done = true;
                    release(account);
                    release(source);
                }
            }
        };
    }

    /** Takes a place, or says why not: blocked after too many failures, or busy (every place held by a try in progress). */
    private @Nullable Refusal reserve(String key, int free, Instant now) {
        var refused = new Refusal[1];
        counts.compute(key, (k, c) -> {
            var count = c == null ? new Count(0, 0, Instant.MIN) : c;
            if (now.isBefore(count.blockedUntil)) {
                refused[0] = new Refusal(Duration.between(now, count.blockedUntil), false);
                return count;
            }
            if (count.failures + count.pending >= free && count.pending > 0) {
                refused[0] = new Refusal(Duration.ofSeconds(1), true);
                return count;
            }
            return new Count(count.failures, count.pending + 1, count.blockedUntil);
        });
        return refused[0];
    }

    private record Refusal(Duration retryAfter, boolean busy) {
    }

    private void release(String key) {
        counts.computeIfPresent(key, (k, c) -> c.pending <= 1 && c.failures == 0 ? null
                : new Count(c.failures, Math.max(0, c.pending - 1), c.blockedUntil));
    }

    private void fail(String key, int free, Instant now) {
        counts.compute(key, (k, c) -> {
            var count = c == null ? new Count(0, 1, Instant.MIN) : c;
            int failures = count.failures + 1;
            Instant blocked = count.blockedUntil;
            if (failures >= free) {
                blocked = now.plus(delay(failures - free));
            }
            return new Count(failures, Math.max(0, count.pending - 1), blocked);
        });
        if (counts.size() > 200_000) {
            counts.entrySet().removeIf(e -> e.getValue().pending == 0 && now.isAfter(e.getValue().blockedUntil.plus(longest)));
        }
    }

    /** A minute after the last free failure, then doubling, never more than the longest wait. */
    Duration delay(int beyond) {
        long seconds = 60L << Math.min(beyond, 20);
        return Duration.ofSeconds(Math.min(seconds, longest.toSeconds()));
    }

    private record Count(int failures, int pending, Instant blockedUntil) {
    }

    /** Too many wrong passwords for this account from this address, or from this address at all. */
    public static final class Throttled extends Exception {
        private final Duration retryAfter;

        Throttled(Duration retryAfter) {
            super("sign-in throttled for " + retryAfter);
            this.retryAfter = retryAfter;
        }

        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
