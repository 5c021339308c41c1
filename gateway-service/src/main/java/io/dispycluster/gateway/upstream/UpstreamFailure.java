package io.dispycluster.gateway.upstream;

import java.net.SocketTimeoutException;
import java.time.Duration;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * A service could not give an answer: it is down or unreachable (502 for the client), too
 * slow (504), its circuit breaker is open (503), or it refused the gateway's internal
 * token (502: the cluster is misconfigured, not the client's credentials wrong).
 */
public class UpstreamFailure extends RuntimeException {

	private final String service;

	private final Kind kind;

	private final @Nullable Duration retryAfter;

	public UpstreamFailure(String service, Kind kind, @Nullable Throwable cause) {
		this(service, kind, cause, null);
	}

	UpstreamFailure(String service, Kind kind, @Nullable Throwable cause, @Nullable Duration retryAfter) {
		super("Service " + service + ": " + kind.description, cause);
		this.service = service;
		this.kind = kind;
		this.retryAfter = retryAfter;
	}

	/** A failure for a transport error, classified by its cause. */
	public static UpstreamFailure of(String service, Throwable error) {
		return new UpstreamFailure(service, classify(error), error);
	}

	/** Whether a transport error means "too slow" rather than "unreachable". */
	static Kind classify(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectTimeoutException) {
				return Kind.UNAVAILABLE;
			}
			if (cause instanceof SocketTimeoutException) {
				return Kind.TIMEOUT;
			}
		}
		return Kind.UNAVAILABLE;
	}

	/** The service's name on the wire, e.g. {@code cluster_controller}. */
	public String service() {
		return this.service;
	}

	public Kind kind() {
		return this.kind;
	}

	/** When a client may try again, for a suspended service; otherwise null. */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/** Why a service gave no answer. */
	public enum Kind {

		/** Refused, reset or unreachable. */
		UNAVAILABLE("unreachable"),

		/** No answer within the timeout. */
		TIMEOUT("no answer in time"),

		/** Calls are suspended after repeated failures. */
		CIRCUIT_OPEN("suspended after repeated failures"),

		/**
		 * The service answered 401: it does not take the gateway's internal token. A
		 * client's own credentials never reach a service, so this is the cluster's
		 * configuration, never the client's fault.
		 */
		REFUSED("refused the gateway's internal token"),

		/**
		 * The service answered a view's call with more than the gateway reads
		 * ({@code dispycluster.gateway.aggregate-max-body}); never a routed call's, which
		 * streams through.
		 */
		TOO_LARGE("answer larger than dispycluster.gateway.aggregate-max-body");

		private final String description;

		Kind(String description) {
			this.description = description;
		}

		/** A short English description, used in error entries of the aggregate views. */
		public String description() {
			return this.description;
		}

	}

}
