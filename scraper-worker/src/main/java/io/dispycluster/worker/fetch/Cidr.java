package io.dispycluster.worker.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A block of IPv4 or IPv6 addresses, such as {@code 10.0.0.0/8} or {@code fc00::/7}.
 *
 * @param network the block's first address
 * @param prefix the number of leading bits every address of the block shares
 */
public record Cidr(InetAddress network, int prefix) {

	/**
	 * Parses {@code address/prefix}, or a lone address (a block of one).
	 * @throws IllegalArgumentException if the text is not an IP address or block
	 */
	public static Cidr parse(String text) {
		String[] parts = text.strip().split("/", 2);
		InetAddress network = literal(parts[0]);
		int bits = network.getAddress().length * 8;
		int prefix = (parts.length == 2) ? prefix(parts[1], bits, text) : bits;
		return new Cidr(network, prefix);
	}

	/** Whether the text looks like an address or block rather than a host name. */
	public static boolean looksLikeCidr(String text) {
		return text.contains("/") || text.contains(":") || text.strip().matches("[0-9.]+");
	}

	/** Whether an address belongs to the block (same family only). */
	public boolean contains(InetAddress address) {
		byte[] candidate = address.getAddress();
		byte[] base = this.network.getAddress();
		if (candidate.length != base.length) {
			return false;
		}
		int full = this.prefix / 8;
		for (int i = 0; i < full; i++) {
			if (candidate[i] != base[i]) {
				return false;
			}
		}
		int rest = this.prefix % 8;
		int mask = (0xFF << (8 - rest)) & 0xFF;
		return rest == 0 || (candidate[full] & mask) == (base[full] & mask);
	}

	@Override
	public String toString() {
		return this.network.getHostAddress() + "/" + this.prefix;
	}

	// Only literals: a host name here must never cause a DNS lookup.
	private static InetAddress literal(String text) {
		if (!text.matches("[0-9a-fA-F.:]+") || (!text.contains(":") && !text.matches("\\d+\\.\\d+\\.\\d+\\.\\d+"))) {
			throw new IllegalArgumentException("Not an IP address: " + text);
		}
		try {
			return InetAddress.getByName(text);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("Not an IP address: " + text, ex);
		}
	}

	private static int prefix(String text, int bits, String cidr) {
		try {
			int prefix = Integer.parseInt(text);
			if (prefix >= 0 && prefix <= bits) {
				return prefix;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below.
		}
		throw new IllegalArgumentException("Bad prefix length in " + cidr);
	}

}
