package vn.motcua;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reading a page as a person does, without a browser: the text of its main part, the items of a list. */
public final class Html {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Html() {
    }

    /** The visible text of {@code <main>}, tags removed and spaces collapsed. */
    public static String main(String page) {
        int start = page.indexOf("<main");
        int end = page.indexOf("</main>");
        return text(start < 0 || end < 0 ? page : page.substring(start, end));
    }

    /** The part of {@code <main>}: its HTML. */
    public static String mainHtml(String page) {
        int start = page.indexOf("<main");
        int end = page.indexOf("</main>");
        return start < 0 || end < 0 ? page : page.substring(start, end);
    }

    /** The texts of the {@code <li>} of the element with this id. */
    public static List<String> items(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        var out = new ArrayList<String>();
        if (at < 0) {
            return out;
        }
        String list = page.substring(at, page.indexOf("</ul>", at));
        var item = Pattern.compile("<li[^>]*>(.*?)</li>", Pattern.DOTALL).matcher(list);
        while (item.find()) {
            out.add(text(item.group(1)));
        }
        return out;
    }

    public static String text(String html) {
        String noScripts = html.replaceAll("(?s)<script.*?</script>", " ");
        return SPACE.matcher(TAG.matcher(noScripts).replaceAll(" ")).replaceAll(" ").strip()
                .replace(" .", ".").replace(" ,", ",")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
