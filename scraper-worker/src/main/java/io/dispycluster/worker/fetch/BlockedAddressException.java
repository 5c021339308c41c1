package io.dispycluster.worker.fetch;

import java.net.UnknownHostException;

/**
 * The SSRF guard refused to connect to an address. It extends
 * {@link UnknownHostException} so that a DNS lookup may throw it.
 */
public class BlockedAddressException extends UnknownHostException {

	public BlockedAddressException(String message) {
		super(message);
	}

}
