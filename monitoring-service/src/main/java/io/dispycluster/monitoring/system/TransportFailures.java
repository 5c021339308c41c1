package io.dispycluster.monitoring.system;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

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
			if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
				return "délai dépassé";
			}
			if (cause instanceof ConnectException) {
				return "connexion refusée";
			}
			if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
				return "hôte inconnu";
			}
			innermost = cause;
		}
		String message = innermost.getMessage();
		return "injoignable" + ((message != null) ? " : " + message : "");
	}

}
