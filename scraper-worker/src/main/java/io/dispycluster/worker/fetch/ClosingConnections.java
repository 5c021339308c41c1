package io.dispycluster.worker.fetch;

import java.io.IOException;
import java.util.Arrays;

import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.internal.connection.RealConnection;

/**
 * Keeps out of the pool a connection that the server closes after its response: one that
 * answered in HTTP/1.0 without {@code Connection: keep-alive}, as
 * {@code python3 -m http.server} does. OkHttp honours only {@code Connection: close}, and
 * hands a pooled connection to a GET without checking that the server still holds it
 * open, so the next request to the site would be written into a closed connection and
 * fail with "unexpected end of stream" before the server ever saw it.
 */
final class ClosingConnections implements Interceptor {

	@Override
	public Response intercept(Chain chain) throws IOException {
		Response response = chain.proceed(chain.request());
		if (closesAfterResponse(response)) {
			noNewExchanges(chain.connection());
		}
		return response;
	}

	static boolean closesAfterResponse(Response response) {
		return response.protocol() == Protocol.HTTP_1_0 && response.headers("Connection")
			.stream()
			.flatMap((value) -> Arrays.stream(value.split(",")))
			.noneMatch((token) -> token.trim().equalsIgnoreCase("keep-alive"));
	}

	// OkHttp has no public way to say this; its own "Connection: close" handling sets the
	// same flag, under the connection's lock, and the pool then closes the connection
	// instead of keeping it once the body has been read.
	private static void noNewExchanges(Connection connection) {
		if (connection instanceof RealConnection real) {
			synchronized (real) {
				real.setNoNewExchanges(true);
			}
		}
	}

}
