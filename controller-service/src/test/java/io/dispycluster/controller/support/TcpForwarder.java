package io.dispycluster.controller.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP connection on loopback to another server (a database), which a test can cut and
 * restore as a network or a server going away would: while cut, connections are refused
 * and those open are closed.
 */
public final class TcpForwarder implements AutoCloseable {

	private final InetSocketAddress target;

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	private volatile int port;

	private volatile ServerSocket listener;

	private TcpForwarder(InetSocketAddress target) throws IOException {
		this.target = target;
		listen();
	}

	/** Starts forwarding a free loopback port to {@code host:port}. */
	public static TcpForwarder to(String host, int port) throws IOException {
		return new TcpForwarder(new InetSocketAddress(host, port));
	}

	/** The loopback port it listens on, the same after {@link #restore()}. */
	public int port() {
		return this.port;
	}

	/** Refuses new connections and closes those open. */
	public synchronized void cut() throws IOException {
		this.listener.close();
		for (Socket socket : this.open) {
			socket.close();
		}
		this.open.clear();
	}

	/** Forwards again, on the same port. */
	public synchronized void restore() throws IOException {
		listen();
	}

	private void listen() throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port));
		this.port = socket.getLocalPort();
		this.listener = socket;
		Thread acceptor = new Thread(() -> accept(socket), "forwarder-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			Socket client;
			try {
				client = socket.accept();
			}
			catch (IOException ex) {
				return; // cut
			}
			Socket server = new Socket();
			try {
				server.connect(this.target, 5000);
			}
			catch (IOException ex) {
				// the target refused: so does the forwarder
				closeQuietly(client);
				continue;
			}
			this.open.add(client);
			this.open.add(server);
			pump(client, server);
			pump(server, client);
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// one side closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "forwarder-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() throws IOException {
		cut();
	}

}
