package io.dispycluster.support.config;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Checks the addresses of the shared configuration before anything starts: every service
 * URL under {@code dispycluster.services} is an http(s) URL, and no two services or
 * inventory nodes share a host and port. Two entries on one address would send a
 * service's calls to another one, and the symptom (404s, wrong answers) would say nothing
 * of the cause; the start-up message names the properties instead.
 * <p>
 * Runs on the prepared environment, once the configuration files are loaded and before
 * the context (database, web server) starts.
 */
class ClusterAddressCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	static final String SERVICES = "dispycluster.services";

	static final String NODES = "dispycluster.nodes";

	private static final String ACTION = "Correct it in the cluster's dispycluster.yml (or the environment variable "
			+ "that sets it) and start the service again.";

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		check(Binder.get(event.getEnvironment()));
	}

	static void check(Binder binder) {
		Map<String, String> owners = new HashMap<>();
		Map<String, String> services = binder.bind(SERVICES, Bindable.mapOf(String.class, String.class))
			.orElse(Map.of());
		services
			.forEach((name, url) -> claim(owners, SERVICES + "." + name, serviceAddress(SERVICES + "." + name, url)));
		List<NodeAddress> nodes = binder.bind(NODES, Bindable.listOf(NodeAddress.class)).orElse(List.of());
		Map<String, String> names = new HashMap<>();
		for (int i = 0; i < nodes.size(); i++) {
			NodeAddress node = nodes.get(i);
			String property = NODES + "[" + i + "]";
			if (node.name() == null || node.name().isBlank()) {
				throw new InvalidConfigurationException(property + ".name", "every node needs a name", ACTION);
			}
			String other = names.putIfAbsent(node.name(), property);
			if (other != null) {
				throw new InvalidConfigurationException(property + ".name",
						"'" + node.name() + "' is already the name of " + other + "; node names are unique", ACTION);
			}
			int port = (node.port() != null) ? node.port() : NodeAddress.DEFAULT_PORT;
			if (port < 1 || port > 65535) {
				throw new InvalidConfigurationException(property + ".port", port + " is not a port (1-65535)", ACTION);
			}
			String host = (node.host() != null && !node.host().isBlank()) ? node.host() : node.name();
			claim(owners, property, host.toLowerCase(Locale.ROOT) + ":" + port);
		}
	}

	/**
	 * The part of an inventory entry that says where it listens; the services bind the
	 * rest (capacity, labels, node_exporter) themselves.
	 */
	record NodeAddress(String name, String host, Integer port) {

		static final int DEFAULT_PORT = 8080;

	}

	private static String serviceAddress(String property, String url) {
		URI uri;
		try {
			uri = URI.create(url.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationException(property, "'" + url + "' is not a URL", ACTION);
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
			throw new InvalidConfigurationException(property,
					"'" + url + "' must be an http:// or https:// URL with a host, e.g. http://master.lan:8081",
					ACTION);
		}
		int port = (uri.getPort() != -1) ? uri.getPort() : (scheme.equals("https") ? 443 : 80);
		return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
	}

	private static void claim(Map<String, String> owners, String property, String address) {
		String owner = owners.putIfAbsent(address, property);
		if (owner != null) {
			throw new InvalidConfigurationException(property, "points to " + address + ", already used by " + owner
					+ "; every service and node needs its own port", ACTION);
		}
	}

	/** Before the logging system and everything else that reads the environment. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 30;
	}

}
