package io.dispycluster.scheduler.workflow;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The SSRF rules of the workers, applied to webhooks: a host whose resolved addresses
 * include a loopback, private (RFC 1918), link-local (169.254.169.254 among them), CGNAT,
 * unique-local, multicast or unspecified address, or an IPv4-mapped form of one, is
 * refused unless an allowed network or host name of {@code webhook-allowed} covers it.
 * The caller connects to the addresses that were checked, never resolving the name again.
 */
final class WebhookGuard {

	private static final List<Network> INTERNAL = List.of(network("0.0.0.0/8"), network("10.0.0.0/8"),
			network("100.64.0.0/10"), network("127.0.0.0/8"), network("169.254.0.0/16"), network("172.16.0.0/12"),
			network("192.168.0.0/16"), network("224.0.0.0/4"), network("240.0.0.0/4"), network("::/128"),
			network("::1/128"), network("fc00::/7"), network("fe80::/10"), network("ff00::/8"));

	private final List<Network> allowedNetworks = new ArrayList<>();

	private final Set<String> allowedHosts = new HashSet<>();

	private final HostLookup lookup;

	WebhookGuard(List<String> allowed) {
		this(allowed, HostLookup.SYSTEM);
	}

	WebhookGuard(List<String> allowed, HostLookup lookup) {
		this.lookup = lookup;
		for (String entry : allowed) {
			Object parsed = parseAllowed(entry);
			if (parsed instanceof Network network) {
				this.allowedNetworks.add(network);
			}
			else {
				this.allowedHosts.add((String) parsed);
			}
		}
	}

	/**
	 * Reads an entry of the allow-list: a network in CIDR notation, an address, or a host
	 * name.
	 * @throws IllegalArgumentException naming the property if the entry is malformed
	 */
	static Object parseAllowed(String entry) {
		String trimmed = entry.trim().toLowerCase(Locale.ROOT);
		if (trimmed.isEmpty()) {
			throw new IllegalArgumentException("dispycluster.scheduler.workflow.webhook-allowed: empty entry");
		}
		boolean literal = trimmed.contains("/") || trimmed.contains(":") || trimmed.matches("[0-9.]+");
		if (!literal) {
			return trimmed;
		}
		try {
			return network(trimmed.contains("/") ? trimmed : trimmed + (trimmed.contains(":") ? "/128" : "/32"));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"dispycluster.scheduler.workflow.webhook-allowed: '" + entry + "' is not a network or host", ex);
		}
	}

	/**
	 * The checked addresses of a host.
	 * @throws UnknownHostException if it does not resolve
	 * @throws BlockedAddressException if one of its addresses is internal and not allowed
	 */
	InetAddress[] resolve(String host) throws UnknownHostException {
		String name = host.toLowerCase(Locale.ROOT);
		InetAddress[] addresses = this.lookup.addressesOf(name);
		if (this.allowedHosts.contains(name)) {
			return addresses;
		}
		for (InetAddress address : addresses) {
			if (isInternal(address)
					&& this.allowedNetworks.stream().noneMatch((network) -> network.contains(address))) {
				throw new BlockedAddressException(host, address);
			}
		}
		return addresses;
	}

	/**
	 * Whether an address is loopback, private or otherwise not on the public internet.
	 */
	static boolean isInternal(InetAddress address) {
		InetAddress plain = embeddedIpv4(address);
		return INTERNAL.stream().anyMatch((network) -> network.contains(plain));
	}

	/** The IPv4 address inside an IPv4-mapped or IPv4-compatible IPv6 address, if any. */
	private static InetAddress embeddedIpv4(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address && bytes.length == 16) {
			boolean zeros = true;
			for (int i = 0; i < 10; i++) {
				zeros &= bytes[i] == 0;
			}
			boolean mapped = zeros && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
			boolean compatible = zeros && bytes[10] == 0 && bytes[11] == 0 && !(bytes[12] == 0 && bytes[13] == 0);
			if (mapped || compatible) {
				try {
					return InetAddress.getByAddress(new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] });
				}
				catch (UnknownHostException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return address;
	}

	private static Network network(String cidr) {
		int slash = cidr.indexOf('/');
		try {
			InetAddress base = InetAddress.getByName(cidr.substring(0, slash));
			int prefix = Integer.parseInt(cidr.substring(slash + 1));
			int bits = base.getAddress().length * 8;
			if (!isLiteral(cidr.substring(0, slash)) || prefix < 0 || prefix > bits) {
				throw new IllegalArgumentException("bad network " + cidr);
			}
			return new Network(base instanceof Inet4Address, new BigInteger(1, base.getAddress()), prefix, bits);
		}
		catch (UnknownHostException | NumberFormatException ex) {
			throw new IllegalArgumentException("bad network " + cidr, ex);
		}
	}

	private static boolean isLiteral(String text) {
		return text.contains(":") || text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
	}

	/**
	 * A network in CIDR notation.
	 */
	private record Network(boolean ipv4, BigInteger base, int prefix, int bits) {

		boolean contains(InetAddress address) {
			if ((address instanceof Inet4Address) != this.ipv4) {
				return false;
			}
			int shift = this.bits - this.prefix;
			return new BigInteger(1, address.getAddress()).shiftRight(shift).equals(this.base.shiftRight(shift));
		}

	}

	/**
	 * A webhook host resolved to an address that may not be reached.
	 */
	static class BlockedAddressException extends UnknownHostException {

		BlockedAddressException(String host, InetAddress address) {
			super("adresse bloquée : " + host + " résout en " + address.getHostAddress()
					+ " (réseau interne, voir dispycluster.scheduler.workflow.webhook-allowed)");
		}

	}

}
