package io.dispycluster.worker.report;

import java.io.OutputStream;
import java.util.function.Supplier;

import io.dispycluster.model.job.AttemptOutcome;
import io.dispycluster.worker.crawl.CrawlResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * One final report on its way to the controller, each call of {@link #get()} one try. A
 * report the controller refuses as larger than its {@code max-report-size} (413) is
 * replaced by the same report without its result, and with an error that says why, which
 * is sent at once and on every later try: retrying the whole report would be refused the
 * same way, and not reporting at all would leave the job to lapse at its lease and be
 * crawled again, to the same size.
 */
final class ReportDelivery implements Supplier<Answer> {

	private static final Logger LOG = LoggerFactory.getLogger(ReportDelivery.class);

	private final ControllerClient client;

	private final JsonMapper json;

	private final String jobId;

	private final @Nullable String requestId;

	private final String what;

	private AttemptReportBody report;

	ReportDelivery(ControllerClient client, JsonMapper json, String jobId, @Nullable String requestId,
			AttemptReportBody report) {
		this.client = client;
		this.json = json;
		this.jobId = jobId;
		this.requestId = requestId;
		this.report = report;
		this.what = "Report of job " + jobId + " attempt " + report.attempt();
	}

	String what() {
		return this.what;
	}

	@Override
	public Answer get() {
		try {
			this.client.report(this.jobId, this.requestId, this.report);
			return Answer.ACCEPTED;
		}
		catch (RestClientResponseException ex) {
			if (ex.getStatusCode().value() == HttpStatus.CONTENT_TOO_LARGE.value() && this.report.result() != null) {
				this.report = withoutResult(this.report, ex);
				LOG.warn("{}: too large for the controller; reporting without the result: {}", this.what,
						this.report.error());
				return get();
			}
			return Answer.of(this.what, ex);
		}
		catch (RestClientException ex) {
			return Answer.of(this.what, ex);
		}
	}

	/**
	 * The report to send instead of one refused as too large: a crawl that ended
	 * (succeeded or failed) fails with the reason; a cancelled one stays cancelled,
	 * without the partial result the controller would have kept.
	 */
	private AttemptReportBody withoutResult(AttemptReportBody refused, RestClientResponseException ex) {
		if (refused.outcome() == AttemptOutcome.CANCELLED) {
			return new AttemptReportBody(refused.attempt(), refused.node(), AttemptOutcome.CANCELLED, null, null);
		}
		String why = tooLarge(refused, ex);
		String error = (refused.outcome() == AttemptOutcome.FAILED && refused.error() != null)
				? refused.error() + " (" + why + ")" : why;
		return new AttemptReportBody(refused.attempt(), refused.node(), AttemptOutcome.FAILED, null, error);
	}

	private String tooLarge(AttemptReportBody refused, RestClientResponseException ex) {
		CrawlResult result = refused.result();
		int pages = (result != null) ? result.crawled().size() : 0;
		long size = sizeOf(refused);
		String limit = controllerDetail(ex);
		return "Result too large for the controller: the report of this attempt (" + pages + " pages"
				+ ((size >= 0) ? ", " + size + " bytes of JSON" : "")
				+ ") is more than the controller's dispycluster.controller.max-report-size accepts"
				+ ((limit != null) ? " (" + limit + ")" : "")
				+ "; raise that limit, or lower the worker's dispycluster.worker.crawl.max-result-size"
				+ " or the job's max_pages";
	}

	// The size the refused report took on the wire, counted without holding it.
	private long sizeOf(AttemptReportBody refused) {
		CountingStream counter = new CountingStream();
		try {
			this.json.writeValue(counter, refused);
			return counter.count;
		}
		catch (RuntimeException ex) {
			LOG.debug("{}: size of the refused report unknown", this.what, ex);
			return -1;
		}
	}

	// The controller's problem says which limit the report passed.
	private @Nullable String controllerDetail(RestClientResponseException ex) {
		try {
			JsonNode problem = this.json.readTree(ex.getResponseBodyAsString());
			JsonNode detail = (problem != null) ? problem.get("detail") : null;
			return (detail != null && detail.isString() && !detail.asString().isBlank()) ? detail.asString() : null;
		}
		catch (RuntimeException notJson) {
			return null;
		}
	}

	private static final class CountingStream extends OutputStream {

		private long count;

		@Override
		public void write(int b) {
			this.count++;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			this.count += length;
		}

	}

}
