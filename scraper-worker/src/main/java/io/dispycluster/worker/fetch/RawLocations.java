package io.dispycluster.worker.fetch;

import java.io.IOException;
import java.net.Socket;

import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Gives a redirect's {@code Location} the bytes the server sent, as browsers do: each
 * byte beyond ASCII percent-encoded ({@code %E9} for a Latin-1 "é", {@code %C3%A9} for a
 * UTF-8 one). OkHttp decodes a header as UTF-8 and turns each byte that is none into
 * U+FFFD, so a server of Latin-1 names that redirects to {@code /café} would be asked for
 * {@code /caf%EF%BF%BD}, a page it does not have. The bytes are had from the connection's
 * {@link LocationRecorder}; an HTTP/2 response, whose headers come compressed, keeps
 * OkHttp's value.
 */
final class RawLocations implements Interceptor {

	@Override
	public Response intercept(Chain chain) throws IOException {
		Response response = chain.proceed(chain.request());
		String location = response.header("Location");
		if (location == null || isAscii(location) || response.protocol() == Protocol.HTTP_2) {
			return response;
		}
		byte[] raw = recorded(chain.connection());
		return (raw != null) ? response.newBuilder().header("Location", percentEncoded(raw)).build() : response;
	}

	private static byte @Nullable [] recorded(@Nullable Connection connection) {
		Socket socket = (connection != null) ? connection.socket() : null;
		LocationRecorder recorder = null;
		if (socket instanceof RecordingSocket recording) {
			recorder = recording.recorder();
		}
		else if (socket instanceof RecordingSslSocket recording) {
			recorder = recording.recorder();
		}
		return (recorder != null) ? recorder.location() : null;
	}

	/** The bytes with each one beyond ASCII (and each control byte) percent-encoded. */
	static String percentEncoded(byte[] raw) {
		StringBuilder encoded = new StringBuilder(raw.length + 16);
		for (byte b : raw) {
			int value = b & 0xFF;
			if (value <= 0x20 || value >= 0x7F) {
				encoded.append('%')
					.append(Character.toUpperCase(Character.forDigit(value >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(value & 0xF, 16)));
			}
			else {
				encoded.append((char) value);
			}
		}
		return encoded.toString();
	}

	private static boolean isAscii(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

}
