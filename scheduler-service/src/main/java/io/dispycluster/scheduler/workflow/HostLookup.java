package io.dispycluster.scheduler.workflow;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Looks the addresses of a webhook's host up: the system's resolver, unless a bean of
 * this type stands in for it (tests use one that never answers, as a resolver that hangs
 * does).
 */
@FunctionalInterface
interface HostLookup {

	/** The system's resolver (the JDK's, with its cache). */
	HostLookup SYSTEM = InetAddress::getAllByName;

	/**
	 * The addresses of a host; may block for as long as the resolver takes.
	 * @throws UnknownHostException if the host does not resolve
	 */
	InetAddress[] addressesOf(String host) throws UnknownHostException;

}
