package io.dispycluster.gateway.overview;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.JsonNode;

import io.dispycluster.gateway.upstream.UpstreamReply;

/**
 * Helpers shared by the views.
 */
final class Replies {

	private Replies() {
	}

	/** Waits for every call of a view; each future completes within its own timeout. */
	static void awaitAll(List<CompletableFuture<UpstreamReply>> calls) {
		CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
	}

	/** The body of a 2xx reply, or the error entry standing in for it. */
	static Object bodyOrError(UpstreamReply reply, String error) {
		JsonNode body = reply.body();
		if (reply.ok() && body != null) {
			return body;
		}
		return new SectionError(error, String.valueOf(reply.error() != null ? reply.error() : "empty body"));
	}

	/** Seconds with millisecond precision, as response times are reported. */
	static double seconds(UpstreamReply reply) {
		return Math.round(reply.seconds() * 1000.0) / 1000.0;
	}

	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * What stands in a view for data a service could not give.
	 *
	 * @param error what is missing, in the upstream's words
	 * @param reason why, e.g. {@code HTTP 500} or {@code unreachable}
	 */
	record SectionError(String error, String reason) {
	}

}
