package io.dispycluster.support.problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Tomcat's last word on an error that no servlet answered: a problem instead of Tomcat's
 * HTML page. Spring MVC answers every error that reaches it (see
 * {@link ProblemErrorController}); this valve answers those Tomcat refuses before any
 * servlet runs, such as a path with an invalid escape ({@code %zz}) or an encoded
 * backslash, which every service used to answer with an HTML 400 page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		try {
			// the type every other problem has, without the charset a writer would add
			// (JSON is UTF-8 by definition)
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			byte[] body = problem(status, rawPath(request)).getBytes(StandardCharsets.UTF_8);
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response was taken: nothing more to say.
		}
	}

	/**
	 * The problem for a status.
	 * @param status the status
	 * @param instance the path as the client sent it (as the other problems name it), or
	 * null when there is none to name
	 * @return the problem's JSON
	 */
	static String problem(int status, @Nullable String instance) {
		HttpStatus known = HttpStatus.resolve(status);
		String title = (known != null) ? known.getReasonPhrase() : "HTTP " + status;
		String detail = (status == 400) ? "Requête illisible : chemin ou en-têtes invalides" : title;
		// Written by hand: fixed words and an escaped path go in, and no JSON library is
		// needed this far down.
		return "{\"type\":\"" + Problems.type(Problems.slugFor(HttpStatusCode.valueOf(status))) + "\",\"title\":\""
				+ title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\""
				+ ((instance != null) ? ",\"instance\":\"" + jsonEscaped(instance) + "\"" : "") + "}";
	}

	/**
	 * The path of the request line, undecoded: the one Tomcat could not read is also the
	 * one the client wrote.
	 */
	private static @Nullable String rawPath(Request request) {
		String uri = request.getCoyoteRequest().requestURI().toString();
		return (uri == null || uri.isEmpty()) ? null : uri;
	}

	private static String jsonEscaped(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				escaped.append('\\').append(c);
			}
			else if (c < 0x20) {
				escaped.append(String.format("\\u%04x", (int) c));
			}
			else {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
