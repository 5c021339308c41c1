package io.dispycluster.worker.scrape;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.dispycluster.model.job.CrawlOptions;
import io.dispycluster.model.job.ScrapeRequest;
import io.dispycluster.model.job.ScrapeSpec;
import io.dispycluster.worker.crawl.CrawlOrder;
import io.dispycluster.worker.crawl.CrawlProperties;
import io.dispycluster.worker.extract.FieldRule;
import io.dispycluster.worker.extract.WebUrls;
import io.dispycluster.worker.fetch.FetchProperties;
import io.dispycluster.support.problem.FieldProblem;
import io.dispycluster.support.problem.InvalidRequestException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Turns a user's {@code POST /scrape} body or a controller's assignment into a crawl
 * order: checks every field (the contract's ranges, then the optional fields), names each
 * bad one, and applies the defaults.
 */
@Component
public class CrawlOrders {

	static final int DEFAULT_MAX_PAGES = 10;

	static final int DEFAULT_TIMEOUT_S = 30;

	private final CrawlProperties properties;

	private final FetchProperties fetchProperties;

	public CrawlOrders(CrawlProperties properties, FetchProperties fetchProperties) {
		this.properties = properties;
		this.fetchProperties = fetchProperties;
	}

	/**
	 * The order for a synchronous scrape.
	 * @param request the contract's fields
	 * @param options the optional fields read from the same body
	 * @throws InvalidRequestException naming each invalid field
	 */
	public CrawlOrder fromRequest(ScrapeRequest request, CrawlOptions options) {
		return build("", new Fields(request.startUrl(), request.maxPages(), request.sameOriginOnly(),
				request.timeoutS(), request.maxDurationS()), options);
	}

	/**
	 * The order for an assignment; field names in problems are prefixed with
	 * {@code spec.}.
	 * @param spec the contract's fields
	 * @param options the optional fields read from the same {@code spec} object
	 * @throws InvalidRequestException naming each invalid field
	 */
	public CrawlOrder fromSpec(ScrapeSpec spec, CrawlOptions options) {
		return build("spec.", new Fields(spec.startUrl(), spec.maxPages(), spec.sameOriginOnly(), spec.timeoutS(),
				spec.maxDurationS()), options);
	}

	private CrawlOrder build(String prefix, Fields fields, CrawlOptions options) {
		List<FieldProblem> problems = new ArrayList<>();
		Optional<String> start = checkStartUrl(prefix, fields.startUrl(), problems);
		checkRange(prefix + "max_pages", fields.maxPages(), 1, 1000, problems);
		checkRange(prefix + "timeout_s", fields.timeoutS(), 1, 300, problems);
		checkRange(prefix + "max_duration_s", fields.maxDurationS(), 1, Integer.MAX_VALUE, problems);
		int maxDepth = OptionChecks.maxDepth(prefix + "max_depth", options.maxDepth(), problems);
		List<Pattern> include = OptionChecks.patterns(prefix + "include_patterns", options.includePatterns(), problems);
		List<Pattern> exclude = OptionChecks.patterns(prefix + "exclude_patterns", options.excludePatterns(), problems);
		Duration delay = OptionChecks.delay(prefix + "delay_ms", options.delayMs(), this.properties.politenessDelay(),
				problems);
		String userAgent = OptionChecks.userAgent(prefix + "user_agent", options.userAgent(),
				this.fetchProperties.allowUserAgentOverride(), problems);
		List<FieldRule> extract = OptionChecks.extract(prefix + "extract", options.extract(), problems);
		if (!problems.isEmpty() || start.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return new CrawlOrder(start.get(), orDefault(fields.maxPages(), DEFAULT_MAX_PAGES),
				fields.sameOriginOnly() == null || fields.sameOriginOnly(),
				Duration.ofSeconds(orDefault(fields.timeoutS(), DEFAULT_TIMEOUT_S)), budget(fields.maxDurationS()),
				delay, maxDepth, include, exclude, userAgent, extract);
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

	/**
	 * The contract's fields, as the two kinds of body carry them.
	 */
	private record Fields(@Nullable String startUrl, @Nullable Integer maxPages, @Nullable Boolean sameOriginOnly,
			@Nullable Integer timeoutS, @Nullable Integer maxDurationS) {
	}

}
