package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.AbstractList;
import java.util.List;

/**
 * A list kept as the JSON text of its column until someone reads it: a move of a dossier never reads its documents,
 * so it never parses them (docs/benchmarks.md, lifecycle). Read-only, like the lists of the records it stands in.
 */
final class ParsedOnRead<T> extends AbstractList<T> {

    private final JsonMapper json;
    private final String text;
    private final TypeReference<List<T>> type;
    private volatile @Nullable List<T> parsed;

    private ParsedOnRead(JsonMapper json, String text, TypeReference<List<T>> type) {
        this.json = json;
        this.text = text;
        this.type = type;
    }

    /** The list the JSON array {@code text} holds; an empty array is the empty list at once. */
    static <T> List<T> of(JsonMapper json, String text, TypeReference<List<T>> type) {
        return text.equals("[]") ? List.of() : new ParsedOnRead<>(json, text, type);
    }

    private List<T> list() {
        List<T> p = parsed;
        if (p == null) {
            p = List.copyOf(json.readValue(text, type));
            parsed = p;
        }
        return p;
    }

    @Override
    public T get(int index) {
        return list().get(index);
    }

    @Override
    public int size() {
        return list().size();
    }
}
