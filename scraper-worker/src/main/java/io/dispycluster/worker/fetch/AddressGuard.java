package io.dispycluster.worker.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import okhttp3.Connection;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * The SSRF guard: decides which addresses the crawler may connect to. Loopback, private,
 * link-local, CGNAT, unique-local, multicast, unspecified and reserved addresses are
 * refused, also when an IPv6 address embeds one of them, unless the allow-list opens
 * them.
 * <p>
 * It acts at three points of every request, redirects included: an IP literal is checked
 * before any connection; a host name's addresses are filtered as they are resolved, so
 * the connection goes to an address that was checked (no DNS rebinding); and the address
 * actually connected to is checked again before the request is sent.
 */
public class AddressGuard {

	private final List<Cidr> allowedBlocks = new ArrayList<>();

	private final List<String> allowedHosts = new ArrayList<>();

	public AddressGuard(GuardProperties properties) {
		for (String entry : properties.allow()) {
			if (Cidr.looksLikeCidr(entry)) {
				this.allowedBlocks.add(Cidr.parse(entry));
			}
			else {
				this.allowedHosts.add(entry.strip().toLowerCase(Locale.ROOT));
			}
		}
	}

	/** Whether the allow-list opens anything. */
	public boolean opensAnything() {
		return !this.allowedBlocks.isEmpty() || !this.allowedHosts.isEmpty();
	}

	/**
	 * Why connecting to an address for a host is refused.
	 * @param host the URL's host
	 * @param address an address it resolved to
	 * @return the refusal, or empty if the connection is allowed
	 */
	public Optional<String> refusal(String host, InetAddress address) {
		if (hostAllowed(host) || this.allowedBlocks.stream().anyMatch((block) -> block.contains(address))) {
			return Optional.empty();
		}
		return BlockedRanges.kindOf(address)
			.map((kind) -> describe(host, address) + " is " + kind
					+ " address (open it in dispycluster.worker.ssrf.allow)");
	}

	/** Refuses a URL whose host is a blocked IP literal, before any connection. */
	void checkLiteral(HttpUrl url) throws BlockedAddressException {
		String host = url.host();
		if (!Cidr.looksLikeCidr(host)) {
			return;
		}
		try {
			InetAddress address = InetAddress.getByName(host);
			Optional<String> refusal = refusal(host, address);
			if (refusal.isPresent()) {
				throw new BlockedAddressException(refusal.get());
			}
		}
		catch (BlockedAddressException ex) {
			throw ex;
		}
		catch (UnknownHostException ex) {
			// Not a literal after all: the DNS filter will see it.
		}
	}

	/** A resolver that only returns addresses the guard allows. */
	Dns filtering(Dns delegate) {
		return (host) -> {
			List<InetAddress> addresses = delegate.lookup(host);
			List<InetAddress> allowed = addresses.stream().filter((a) -> refusal(host, a).isEmpty()).toList();
			if (allowed.isEmpty() && !addresses.isEmpty()) {
				throw new BlockedAddressException(refusal(host, addresses.get(0)).orElseThrow());
			}
			return allowed;
		};
	}

	/** A network interceptor that checks the address really connected to. */
	Interceptor connectedAddressCheck() {
		return (chain) -> {
			InetAddress address = connectedAddress(chain);
			Optional<String> refusal = refusal(chain.request().url().host(), address);
			if (refusal.isPresent()) {
				throw new BlockedAddressException(refusal.get());
			}
			return proceed(chain);
		};
	}

	private static Response proceed(Interceptor.Chain chain) throws IOException {
		return chain.proceed(chain.request());
	}

	private static InetAddress connectedAddress(Interceptor.Chain chain) throws IOException {
		Connection connection = chain.connection();
		if (connection == null) {
			throw new BlockedAddressException("No connection to check for " + chain.request().url().host());
		}
		return connection.route().socketAddress().getAddress();
	}

	private boolean hostAllowed(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		for (String allowed : this.allowedHosts) {
			if (allowed.equals(name) || (allowed.startsWith("*.") && name.endsWith(allowed.substring(1)))) {
				return true;
			}
		}
		return false;
	}

	private static String describe(String host, InetAddress address) {
		String ip = address.getHostAddress();
		boolean literal = Cidr.looksLikeCidr(host);
		return "Blocked address: " + (literal ? ip : host + " resolves to " + ip + ", which");
	}

}
