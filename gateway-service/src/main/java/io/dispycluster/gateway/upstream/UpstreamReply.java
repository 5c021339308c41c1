package io.dispycluster.gateway.upstream;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What one call to a service behind an aggregate view gave: its status and body, or why
 * there was none. Never an exception, so a view can always be assembled.
 *
 * @param service the service called
 * @param status the HTTP status, or 0 when no answer came
 * @param body the JSON body (a string node when the body was not JSON), or null
 * @param elapsed how long the call took
 * @param failure why no answer came, or null when one did
 */
public record UpstreamReply(Service service, int status, @Nullable JsonNode body, Duration elapsed,
		UpstreamFailure.@Nullable Kind failure) {

	/** Whether the service answered with a 2xx status. */
	public boolean ok() {
		return this.status >= 200 && this.status < 300;
	}

	/**
	 * Why this reply is not usable, in a few words ({@code "HTTP 500"},
	 * {@code "unreachable"}), or null when it is.
	 */
	public @Nullable String error() {
		if (this.failure != null) {
			return this.failure.description();
		}
		return ok() ? null : "HTTP " + this.status;
	}

	/** The elapsed time in seconds, as the upstream contract reports response times. */
	public double seconds() {
		return this.elapsed.toNanos() / 1e9;
	}

}
