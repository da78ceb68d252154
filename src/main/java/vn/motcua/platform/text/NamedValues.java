package vn.motcua.platform.text;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * An enum read the way officials write it in a file: its code ({@code SWAPPED_OFF}) or one of the Vietnamese names
 * listed next to the constant ("Nghỉ hoán đổi"), with or without diacritics, in any case, punctuation and extra
 * spaces ignored ("Sở, ban, ngành" = "so ban nganh").
 */
public final class NamedValues<E extends Enum<E>> {

    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

    private final Map<String, E> byKey = new HashMap<>();
    private final Map<E, List<String>> names = new LinkedHashMap<>();

    public NamedValues(List<E> values, Function<E, List<String>> vietnameseNames) {
        for (E value : values) {
            names.put(value, vietnameseNames.apply(value));
            put(value.name(), value);
            vietnameseNames.apply(value).forEach(name -> put(name, value));
        }
    }

    private void put(String name, E value) {
        E before = byKey.putIfAbsent(key(name), value);
        if (before != null && before != value) {
            throw new IllegalArgumentException("'" + name + "' names both " + before + " and " + value);
        }
    }

    public Optional<E> find(String written) {
        return Optional.ofNullable(byKey.get(key(written)));
    }

    /** The Vietnamese names a file may use, first name first: "Nghỉ lễ, Tết (HOLIDAY); …", for error messages. */
    public String accepted() {
        var out = new StringBuilder();
        names.forEach((value, list) -> {
            if (!out.isEmpty()) {
                out.append("; ");
            }
            out.append(list.isEmpty() ? value.name() : list.getFirst() + " (" + value.name() + ")");
        });
        return out.toString();
    }

    static String key(String written) {
        return NOT_WORD.matcher(Folding.fold(written)).replaceAll(" ").strip();
    }
}
