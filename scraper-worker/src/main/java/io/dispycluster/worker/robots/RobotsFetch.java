package io.dispycluster.worker.robots;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.dispycluster.worker.extract.WebUrls;
import io.dispycluster.worker.fetch.AbortSignal;
import io.dispycluster.worker.fetch.FetchException;
import io.dispycluster.worker.fetch.FetchedPage;
import io.dispycluster.worker.fetch.PageFetcher;

/**
 * Fetches and reads a site's robots.txt, following up to five redirects, and applies the
 * worker's policy to what comes back: 200 is parsed; any other 4xx (401 and 403
 * included), or too many redirects, allows everything; 5xx, 429, a timeout or a refused
 * or cut connection is a failure to retry, never a reason to allow; a site that cannot be
 * reached at all (unknown host, TLS failure) is said so, for its URLs to fail with that
 * reason.
 */
final class RobotsFetch {

	private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

	private static final int MAX_REDIRECTS = 5;

	private final PageFetcher fetcher;

	// Crawl-delay is capped by the worker, so the parser must not turn a long one into
	// "allow none".
	private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 5);

	RobotsFetch(PageFetcher fetcher) {
		this.fetcher = fetcher;
	}

	/**
	 * Fetches a robots.txt file with a user agent and reads the rules it gives that
	 * agent.
	 */
	RobotsFile fetch(String robotsUrl, String userAgent, Duration timeout, AbortSignal signal) {
		String url = robotsUrl;
		try {
			for (int hops = 0; hops <= MAX_REDIRECTS; hops++) {
				FetchedPage response = this.fetcher.fetchRobots(url, timeout, signal, userAgent);
				Optional<String> target = redirectTarget(response);
				if (target.isEmpty()) {
					return read(robotsUrl, response, List.of(productToken(userAgent)));
				}
				url = target.get();
			}
			return RobotsFile.of(allowAll());
		}
		catch (FetchException ex) {
			return failure(ex);
		}
	}

	private RobotsFile read(String robotsUrl, FetchedPage response, List<String> robotNames) {
		int status = response.status();
		if (status == 200) {
			byte[] body = (response.body() != null) ? response.body() : new byte[0];
			return RobotsFile.of(this.parser.parseContent(robotsUrl, body, response.contentType(), robotNames));
		}
		if (status >= 400 && status < 500 && status != 429) {
			return RobotsFile.of(allowAll());
		}
		return RobotsFile.failed("HTTP " + status);
	}

	private static RobotsFile failure(FetchException ex) {
		return switch (ex.kind()) {
			case CANCELLED -> RobotsFile.abandoned();
			case TIMEOUT -> RobotsFile.timedOut(ex.getMessage());
			// The page itself will be refused by the guard with its own reason.
			case BLOCKED -> RobotsFile.of(allowAll());
			case NETWORK -> RobotsFile.unreachable(ex.getMessage());
			default -> RobotsFile.failed(ex.getMessage());
		};
	}

	private static Optional<String> redirectTarget(FetchedPage response) {
		if (!REDIRECTS.contains(response.status()) || response.location() == null) {
			return Optional.empty();
		}
		return WebUrls.resolve(response.url(), response.location());
	}

	private static SimpleRobotRules allowAll() {
		return new SimpleRobotRules(RobotRulesMode.ALLOW_ALL);
	}

	// "DispyClusterBot/1.0 (+https://...)" -> "dispyclusterbot"
	static String productToken(String userAgent) {
		String token = userAgent.strip().split("[/\\s]", 2)[0];
		return token.isEmpty() ? "dispyclusterbot" : token.toLowerCase(Locale.ROOT);
	}

}
