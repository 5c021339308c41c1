package io.dispycluster.worker.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;

import javax.net.SocketFactory;

import org.jspecify.annotations.Nullable;

/**
 * A plain socket whose response headers a {@link LocationRecorder} watches
 * ({@link RawLocations}). Under TLS the recorder is off here and on the TLS socket
 * ({@link RecordingSslSocket}).
 */
final class RecordingSocket extends Socket {

	private final LocationRecorder recorder = new LocationRecorder();

	private @Nullable InputStream input;

	private @Nullable OutputStream output;

	LocationRecorder recorder() {
		return this.recorder;
	}

	@Override
	public synchronized InputStream getInputStream() throws IOException {
		if (this.input == null) {
			this.input = RecordingStreams.input(super.getInputStream(), this.recorder);
		}
		return this.input;
	}

	@Override
	public synchronized OutputStream getOutputStream() throws IOException {
		if (this.output == null) {
			this.output = RecordingStreams.output(super.getOutputStream(), this.recorder);
		}
		return this.output;
	}

	/**
	 * Makes recording sockets. OkHttp asks for unconnected ones only, and connects them
	 * to the address the SSRF guard let through; a socket connected here would not be.
	 */
	static final class Factory extends SocketFactory {

		@Override
		public Socket createSocket() {
			return new RecordingSocket();
		}

		@Override
		public Socket createSocket(String host, int port) throws IOException {
			throw unconnectedOnly();
		}

		@Override
		public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
			throw unconnectedOnly();
		}

		@Override
		public Socket createSocket(InetAddress host, int port) throws IOException {
			throw unconnectedOnly();
		}

		@Override
		public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
				throws IOException {
			throw unconnectedOnly();
		}

		private static SocketException unconnectedOnly() {
			return new SocketException("Only unconnected sockets are made here");
		}

	}

}
