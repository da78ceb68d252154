package vn.motcua.platform.web;

import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Map;

/**
 * One page of a list filtered on the server, with the links to its neighbours that keep the filters.
 *
 * @param number 1-based; a number past the end shows the last page
 * @param total  rows matching the filters, on every page
 */
public record Paged<T>(List<T> rows, int number, int size, long total, String path, Map<String, String> filters) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    /** The page of {@code matching} (already filtered and ordered) with this number and size (clamped). */
    public static <T> Paged<T> of(List<T> matching, int number, int size, String path, Map<String, String> filters) {
        int perPage = Math.clamp(size, 1, MAX_SIZE);
        int pages = Math.max(1, (matching.size() + perPage - 1) / perPage);
        int page = Math.clamp(number, 1, pages);
        int from = (page - 1) * perPage;
        return new Paged<>(List.copyOf(matching.subList(from, Math.min(matching.size(), from + perPage))), page, perPage,
                matching.size(), path, filters);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** Position of the first row shown (1-based), 0 when nothing matches. */
    public long first() {
        return total == 0 ? 0 : (long) (number - 1) * size + 1;
    }

    public long last() {
        return Math.min(total, (long) number * size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages();
    }

    /** The address of page {@code n} with the same filters. */
    public String link(int n) {
        var uri = UriComponentsBuilder.fromPath(path);
        filters.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                uri.queryParam(k, v);
            }
        });
        if (n > 1) {
            uri.queryParam("page", n);
        }
        return uri.encode().build().toUriString();
    }
}
