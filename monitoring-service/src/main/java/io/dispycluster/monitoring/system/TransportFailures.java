package io.dispycluster.monitoring.system;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

import org.jspecify.annotations.Nullable;

/**
 * Words, in French, why a request got no answer at all, for the reasons operators read in
 * {@code /nodes}, {@code /metrics} and {@code /cluster/health}: the same words for a node
 * and for the controller.
 */
public final class TransportFailures {

	private TransportFailures() {
	}

	/**
	 * Why the request failed: {@code délai dépassé}, {@code connexion refusée},
	 * {@code hôte inconnu}, or {@code injoignable} with the innermost message.
	 * @param failure the client's exception (its causes are looked at)
	 */
	public static String reason(Throwable failure) {
		Throwable innermost = failure;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			Kind kind = kind(cause);
			if (kind != null) {
				return kind.words;
			}
			innermost = cause;
		}
		String message = innermost.getMessage();
		return "injoignable" + ((message != null) ? " : " + message : "");
	}

	/**
	 * Whether the connection was refused: nothing listens on the port, the node is up but
	 * its service is not. A timeout is not a refusal, even when it happened while
	 * connecting.
	 * @param failure the client's exception (its causes are looked at)
	 */
	public static boolean refused(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			Kind kind = kind(cause);
			if (kind != null) {
				return kind == Kind.REFUSED;
			}
		}
		return false;
	}

	// the outermost cause that says something decides: the JDK client wraps a
	// ConnectException in its connect timeout
	private static @Nullable Kind kind(Throwable cause) {
		if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
			return Kind.TIMEOUT;
		}
		if (cause instanceof ConnectException) {
			return Kind.REFUSED;
		}
		if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
			return Kind.UNKNOWN_HOST;
		}
		return null;
	}

	private enum Kind {

		TIMEOUT("délai dépassé"), REFUSED("connexion refusée"), UNKNOWN_HOST("hôte inconnu");

		private final String words;

		Kind(String words) {
			this.words = words;
		}

	}

}
