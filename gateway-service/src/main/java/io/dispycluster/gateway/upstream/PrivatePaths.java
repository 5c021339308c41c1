package io.dispycluster.gateway.upstream;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The services' paths that the gateway never forwards: their internal endpoints
 * ({@code /internal/**}, for workers and services, which the gateway's own token would
 * open) and their actuator, except {@code /actuator/health}. Prometheus reads each
 * service's metrics on the service itself.
 *
 * <p>
 * A path is judged the way any server might read it, not as it is spelled: percent
 * escapes decoded (repeatedly, so {@code %252F} counts as a slash), backslashes taken as
 * slashes, {@code ;} parameters dropped from each segment, empty and {@code .} segments
 * dropped, {@code ..} resolved, letters lower-cased. So neither {@code /x/../internal},
 * {@code //internal}, {@code /%69nternal}, {@code /internal;v=1} nor {@code /INTERNAL}
 * gets through.
 */
public final class PrivatePaths {

	// how many times a path is decoded at most; real paths need one round
	private static final int MAX_DECODING_ROUNDS = 4;

	private PrivatePaths() {
	}

	/** Whether a service path, raw as it would go on the wire, must not be forwarded. */
	public static boolean isPrivate(@Nullable String rawPath) {
		String path = normalise(rawPath);
		return under(path, "/internal") || (under(path, "/actuator") && !path.equals("/actuator/health"));
	}

	/** The path as a lenient server would read it, lower-cased; {@code /} at least. */
	static String normalise(@Nullable String rawPath) {
		if (rawPath == null) {
			return "/";
		}
		if (isPlain(rawPath)) {
			// already in normal form but for the case: the common path, judged on every
			// routed call, skips the splitting and joining
			return rawPath.toLowerCase(Locale.ROOT);
		}
		String path = rawPath;
		for (int round = 0; round < MAX_DECODING_ROUNDS && path.indexOf('%') >= 0; round++) {
			path = percentDecode(path);
		}
		Deque<String> segments = new ArrayDeque<>();
		for (String segment : path.replace('\\', '/').split("/")) {
			int parameters = segment.indexOf(';');
			String name = (parameters >= 0) ? segment.substring(0, parameters) : segment;
			if (name.equals("..")) {
				// above the root stays at the root, as lenient servers resolve it
				segments.pollLast();
			}
			else if (!name.isEmpty() && !name.equals(".")) {
				segments.addLast(name);
			}
		}
		return "/" + String.join("/", segments).toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether a path is its own normal form but for the case: it starts with a slash, has
	 * no escape, backslash, parameter or dot (so no {@code .} or {@code ..} segment), no
	 * empty segment and no trailing slash.
	 */
	private static boolean isPlain(String path) {
		int length = path.length();
		if (length == 0 || path.charAt(0) != '/') {
			return false;
		}
		if (length == 1) {
			return true;
		}
		if (path.charAt(length - 1) == '/') {
			return false;
		}
		for (int i = 1; i < length; i++) {
			char c = path.charAt(i);
			if (c == '%' || c == '\\' || c == ';' || c == '.' || (c == '/' && path.charAt(i - 1) == '/')) {
				return false;
			}
		}
		return true;
	}

	private static boolean under(String path, String prefix) {
		return path.equals(prefix) || path.startsWith(prefix + "/");
	}

	/** Decodes every valid {@code %XX} escape; anything else is kept as it is. */
	private static String percentDecode(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
		int i = 0;
		while (i < text.length()) {
			if (text.charAt(i) == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0
					&& hex(text.charAt(i + 2)) >= 0) {
				bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
				i += 3;
			}
			else {
				int codePoint = text.codePointAt(i);
				bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
				i += Character.charCount(codePoint);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static int hex(char c) {
		return Character.digit(c, 16);
	}

}
