package io.tweetstream.dashboard.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves the page that the build bundled into the jar under {@code static/} ({@code index.html} for
 * {@code /}). Names are checked before the class path is asked: no {@code ..}, no hidden files.
 */
final class StaticFiles extends GetHandler {

    private static final String ROOT = "static/";
    private static final Pattern SAFE_PATH = Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "map", "application/json; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8");

    private final ClassLoader loader;

    StaticFiles(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    Response respond(URI uri) {
        String path = uri.getPath().substring(1);
        String name = path.isEmpty() ? "index.html" : path;
        if (!SAFE_PATH.matcher(name).matches()) {
            return Response.text(404, "Not found: " + uri.getPath());
        }
        try (InputStream in = loader.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                return Response.text(404, name.equals("index.html")
                        ? "The page is not in this build: build the dashboard with Maven, which runs npm"
                        : "Not found: " + uri.getPath());
            }
            return new Response(200, contentType(name), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentType(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
