package io.dispycluster.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A service that answers every request with the same raw bytes, then closes the
 * connection, on the port of a stub stopped meanwhile.
 */
public final class BrokenService implements AutoCloseable {

	private final ServerSocket socket;

	private final Thread acceptor;

	private BrokenService(ServerSocket socket, String answer) {
		this.socket = socket;
		this.acceptor = new Thread(() -> {
			while (!socket.isClosed()) {
				try (Socket connection = socket.accept()) {
					readHead(connection.getInputStream());
					connection.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
					connection.getOutputStream().flush();
				}
				catch (IOException ex) {
					// closed, or the gateway went away
				}
			}
		}, "broken-service");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	/** Stops {@code stub} and answers {@code answer} on its port until closed. */
	public static BrokenService instead(StubService stub, String answer) throws IOException {
		stub.stop();
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), stub.uri().getPort()));
		return new BrokenService(socket, answer);
	}

	private static void readHead(InputStream in) throws IOException {
		int matched = 0;
		byte[] end = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
		int read;
		while (matched < end.length && (read = in.read()) != -1) {
			matched = (read == end[matched]) ? matched + 1 : ((read == end[0]) ? 1 : 0);
		}
	}

	@Override
	public void close() throws Exception {
		this.socket.close();
		this.acceptor.join(2000);
	}

}
