package io.dispycluster.controller.dispatch;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Which worker crawls each site during a dispatch pass, when {@code one-worker-per-host}
 * is on: a job whose start URL's host another running (or just chosen) job has goes to
 * that job's worker or waits, so that one worker's politeness delay spaces every request
 * of the cluster to the site. A site is a host, as the worker's politeness delay counts
 * it.
 */
final class SiteAffinity {

	private static final SiteAffinity NONE = new SiteAffinity(null);

	private final @Nullable Map<String, String> nodeByHost;

	private SiteAffinity(@Nullable Map<String, String> nodeByHost) {
		this.nodeByHost = nodeByHost;
	}

	/** No affinity: every job may go to any worker. */
	static SiteAffinity none() {
		return NONE;
	}

	/**
	 * The affinity of the running jobs.
	 * @param nodeByStartUrl the start URL of each running job, with its worker
	 * @return the affinity, to which the pass adds the jobs it dispatches
	 */
	static SiteAffinity of(Map<String, String> nodeByStartUrl) {
		Map<String, String> nodeByHost = new HashMap<>();
		nodeByStartUrl.forEach((url, node) -> host(url).ifPresent((host) -> nodeByHost.putIfAbsent(host, node)));
		return new SiteAffinity(nodeByHost);
	}

	/**
	 * The worker that crawls the job's site, if one does.
	 * @param startUrl the job's start URL
	 * @return the worker that must take the job, or empty if any may
	 */
	Optional<String> nodeFor(String startUrl) {
		return (this.nodeByHost != null) ? host(startUrl).map(this.nodeByHost::get) : Optional.empty();
	}

	/** Records that the job starting at {@code startUrl} went to {@code node}. */
	void dispatched(String startUrl, String node) {
		if (this.nodeByHost != null) {
			host(startUrl).ifPresent((host) -> this.nodeByHost.putIfAbsent(host, node));
		}
	}

	private static Optional<String> host(String url) {
		try {
			String host = URI.create(url).getHost();
			return Optional.ofNullable(host).map((h) -> h.toLowerCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			// Accepted URLs parse; one that does not simply has no affinity.
			return Optional.empty();
		}
	}

}
