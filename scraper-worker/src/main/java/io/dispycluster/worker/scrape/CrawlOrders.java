package io.dispycluster.worker.scrape;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.dispycluster.model.job.ScrapeRequest;
import io.dispycluster.model.job.ScrapeSpec;
import io.dispycluster.worker.crawl.CrawlOrder;
import io.dispycluster.worker.crawl.CrawlProperties;
import io.dispycluster.worker.extract.WebUrls;
import io.dispycluster.worker.system.FieldProblem;
import io.dispycluster.worker.system.InvalidRequestException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Turns a user's {@code POST /scrape} body or a controller's assignment into a crawl
 * order: checks every field against the contract's ranges, names each bad one, and
 * applies the defaults.
 */
@Component
public class CrawlOrders {

	static final int DEFAULT_MAX_PAGES = 10;

	static final int DEFAULT_TIMEOUT_S = 30;

	private final CrawlProperties properties;

	public CrawlOrders(CrawlProperties properties) {
		this.properties = properties;
	}

	/**
	 * The order for a synchronous scrape.
	 * @throws InvalidRequestException naming each invalid field
	 */
	public CrawlOrder fromRequest(ScrapeRequest request) {
		return build("", request.startUrl(), request.maxPages(), request.sameOriginOnly(), request.timeoutS(),
				request.maxDurationS());
	}

	/**
	 * The order for an assignment; field names in problems are prefixed with
	 * {@code spec.}.
	 * @throws InvalidRequestException naming each invalid field
	 */
	public CrawlOrder fromSpec(ScrapeSpec spec) {
		return build("spec.", spec.startUrl(), spec.maxPages(), spec.sameOriginOnly(), spec.timeoutS(),
				spec.maxDurationS());
	}

	private CrawlOrder build(String prefix, @Nullable String startUrl, @Nullable Integer maxPages,
			@Nullable Boolean sameOriginOnly, @Nullable Integer timeoutS, @Nullable Integer maxDurationS) {
		List<FieldProblem> problems = new ArrayList<>();
		Optional<String> start = checkStartUrl(prefix, startUrl, problems);
		checkRange(prefix + "max_pages", maxPages, 1, 1000, problems);
		checkRange(prefix + "timeout_s", timeoutS, 1, 300, problems);
		checkRange(prefix + "max_duration_s", maxDurationS, 1, Integer.MAX_VALUE, problems);
		if (!problems.isEmpty() || start.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return new CrawlOrder(start.get(), orDefault(maxPages, DEFAULT_MAX_PAGES),
				sameOriginOnly == null || sameOriginOnly, Duration.ofSeconds(orDefault(timeoutS, DEFAULT_TIMEOUT_S)),
				budget(maxDurationS), this.properties.politenessDelay());
	}

	private static Optional<String> checkStartUrl(String prefix, @Nullable String startUrl,
			List<FieldProblem> problems) {
		if (startUrl == null || startUrl.isBlank()) {
			problems.add(new FieldProblem(prefix + "start_url", "is required"));
			return Optional.empty();
		}
		Optional<String> normalized = WebUrls.normalize(startUrl);
		if (normalized.isEmpty() || startUrl.length() > 2083) {
			problems.add(new FieldProblem(prefix + "start_url", "must be an absolute http or https URL"));
			return Optional.empty();
		}
		return normalized;
	}

	private static void checkRange(String field, @Nullable Integer value, int min, int max,
			List<FieldProblem> problems) {
		if (value != null && (value < min || value > max)) {
			String range = (max == Integer.MAX_VALUE) ? "at least " + min : "between " + min + " and " + max;
			problems.add(new FieldProblem(field, "must be " + range));
		}
	}

	private Duration budget(@Nullable Integer maxDurationS) {
		Duration asked = (maxDurationS != null) ? Duration.ofSeconds(maxDurationS)
				: this.properties.defaultMaxDuration();
		return (asked.compareTo(this.properties.maxDurationLimit()) > 0) ? this.properties.maxDurationLimit() : asked;
	}

	private static int orDefault(@Nullable Integer value, int fallback) {
		return (value != null) ? value : fallback;
	}

}
