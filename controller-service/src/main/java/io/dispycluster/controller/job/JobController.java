package io.dispycluster.controller.job;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.dispycluster.support.problem.FieldProblem;
import io.dispycluster.support.problem.InvalidRequestException;
import io.dispycluster.support.problem.Problems;
import io.dispycluster.model.job.BatchCreated;
import io.dispycluster.model.job.JobCreated;
import io.dispycluster.model.job.JobStatus;
import io.dispycluster.model.job.ScrapeRequest;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The job API of the upstream contract: submissions, lists, details, cancellation, plus
 * retry, history and streamed results.
 */
@RestController
class JobController {

	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final int DEFAULT_LIMIT = 50;

	private static final int MAX_LIMIT = 1000;

	private final JobIntake intake;

	private final JobQueue queue;

	private final SubmissionReader reader;

	private final ResultStreamer streamer;

	private final JobJsonWriter jsonWriter;

	private final ObjectProvider<LabelledWorkers> workers;

	JobController(JobIntake intake, JobQueue queue, JobProperties properties, JsonMapper json,
			ObjectProvider<LabelledWorkers> workers) {
		this.intake = intake;
		this.workers = workers;
		this.queue = queue;
		this.reader = new SubmissionReader(properties);
		this.streamer = new ResultStreamer(json);
		this.jsonWriter = new JobJsonWriter(json);
	}

	@PostMapping("/scrape")
	JobCreated scrape(@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = ScrapeRequest.class))) @RequestBody JsonNode body,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey) {
		return this.intake.submit(this.reader.readSingle(body), idempotencyKey);
	}

	@PostMapping("/scrape/batch")
	BatchCreated scrapeBatch(
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(
					implementation = io.dispycluster.model.job.BatchScrapeRequest.class))) @RequestBody JsonNode body,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey) {
		return this.intake.submitBatch(this.reader.readBatch(body), idempotencyKey);
	}

	/**
	 * Jobs, newest first, each with its result as in the upstream contract (streamed from
	 * the store one at a time, see {@link JobJsonWriter}), or without it when
	 * {@code include_result=false}.
	 */
	@GetMapping("/jobs")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
			array = @ArraySchema(schema = @Schema(implementation = JobSummary.class))))
	ResponseEntity<StreamingResponseBody> list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String offset,
			@RequestParam(name = "include_result", required = false) @Nullable String includeResult) {
		List<FieldProblem> errors = new ArrayList<>();
		Set<JobState> states = parseStatus(status, errors);
		int max = parseInt("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT, errors);
		int skip = parseInt("offset", offset, 0, Integer.MAX_VALUE, 0, errors);
		boolean withResults = parseBoolean("include_result", includeResult, true, errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		List<Job> jobs = this.queue.list(states, max, skip);
		List<JobSummary> summaries = jobs.stream().map(JobSummary::of).toList();
		StoredResults results = withResults ? storedResultsOf(jobs) : null;
		StreamingResponseBody body = (out) -> this.jsonWriter.writeList(summaries, results, out);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

	/** Reads the results of those jobs only that have one (most in a queue have none). */
	private StoredResults storedResultsOf(List<Job> jobs) {
		Set<JobId> withResult = this.queue.withResult(jobs.stream().map(Job::id).toList());
		if (withResult.isEmpty()) {
			return StoredResults.NONE;
		}
		return (id, copy) -> withResult.contains(id) ? this.queue.readResult(id, copy) : Optional.empty();
	}

	/**
	 * The job with its result, streamed from the store (see {@link JobJsonWriter}): a
	 * result of any size passes through in constant memory.
	 */
	@GetMapping("/jobs/{jobId}")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
			schema = @Schema(implementation = JobDetails.class)))
	ResponseEntity<StreamingResponseBody> get(@PathVariable String jobId) {
		Job job = this.queue.get(new JobId(jobId));
		StreamingResponseBody body = (out) -> this.jsonWriter.writeDetails(JobDetails.of(job, waitingFor(job)),
				this.queue::readResult, out);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

	/**
	 * Why a queued job waits beyond a free slot: no worker is up, or none up has the node
	 * labels it asks for (it stays queued, as a matching worker may join), or it lost
	 * attempts and waits for its next one. The user can see why without reading the
	 * history.
	 */
	private @Nullable String waitingFor(Job job) {
		if (job.state() != JobState.QUEUED) {
			return null;
		}
		List<String> reasons = new ArrayList<>();
		Map<String, String> required = job.spec().nodeLabels();
		LabelledWorkers known = this.workers.getIfAvailable();
		if (known != null && !known.anyUpWith(required)) {
			reasons.add(required.isEmpty() ? "a worker (no worker is up)"
					: "a worker with the labels " + NodeLabels.describe(required) + " (no worker up has them)");
		}
		if (job.lostAttempts() > 0) {
			reasons.add("a new attempt, not before " + job.notBefore().truncatedTo(ChronoUnit.MILLIS) + ", after "
					+ job.lostAttempts() + ((job.lostAttempts() == 1) ? " lost attempt" : " lost attempts")
					+ lastLoss(job));
		}
		return reasons.isEmpty() ? null : String.join("; ", reasons);
	}

	/**
	 * Why the job's last attempt was lost (a worker refused it, and which option, or went
	 * offline...), so that a job every worker refuses says so while it waits.
	 */
	private String lastLoss(Job job) {
		List<JobEvent> history = this.queue.history(job.id());
		for (int i = history.size() - 1; i >= 0; i--) {
			String reason = history.get(i).reason();
			if (history.get(i).to() == JobState.QUEUED && reason.startsWith(Job.REQUEUED)) {
				return ", the last because " + reason.substring(Job.REQUEUED.length());
			}
		}
		return " (GET /jobs/" + job.id() + "/history says why)";
	}

	@PostMapping("/jobs/{jobId}/cancel")
	JobAnswer cancel(@PathVariable String jobId) {
		Job job = this.queue.cancel(new JobId(jobId));
		return new JobAnswer("Job annulé avec succès", job.id().value(), job.state().status());
	}

	@PostMapping("/jobs/{jobId}/retry")
	JobAnswer retry(@PathVariable String jobId) {
		Job job = this.queue.retry(new JobId(jobId));
		return new JobAnswer("Job relancé avec succès", job.id().value(), job.state().status());
	}

	@GetMapping("/jobs/{jobId}/history")
	List<JobEvent> history(@PathVariable String jobId) {
		JobId id = this.queue.get(new JobId(jobId)).id();
		return this.queue.history(id);
	}

	@GetMapping("/jobs/{jobId}/results")
	ResponseEntity<StreamingResponseBody> results(@PathVariable String jobId,
			@RequestParam(required = false) @Nullable String format) {
		// an empty value takes the default, as for the other parameters (status=, limit=)
		ResultFormat chosen = (format == null || format.isBlank()) ? ResultFormat.JSON : ResultFormat.parse(format)
			.orElseThrow(() -> new InvalidRequestException("format", "must be one of json, ndjson, csv"));
		JobId id = this.queue.get(new JobId(jobId)).id();
		if (this.queue.withResult(List.of(id)).isEmpty()) {
			throw new ErrorResponseException(HttpStatus.CONFLICT,
					Problems.of(HttpStatus.CONFLICT, "no-result", "No result yet", "Ce job n'a pas encore de résultat"),
					null);
		}
		StreamingResponseBody body = (out) -> this.queue.readResult(id,
				(reader) -> this.streamer.write(chosen, reader, out));
		return ResponseEntity.ok().contentType(chosen.mediaType()).body(body);
	}

	private static Set<JobState> parseStatus(@Nullable String status, List<FieldProblem> errors) {
		if (status == null || status.isBlank()) {
			return EnumSet.allOf(JobState.class);
		}
		try {
			return JobState.withStatus(JobStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldProblem("status", "must be one of pending, running, completed, failed, cancelled"));
			return Set.of();
		}
	}

	private static int parseInt(String name, @Nullable String value, int min, int max, int fallback,
			List<FieldProblem> errors) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		// ASCII digits only: Integer.parseInt also reads those of other scripts ("５")
		String digits = value.strip();
		if (digits.matches("[+-]?[0-9]{1,10}")) {
			long parsed = Long.parseLong(digits);
			if (parsed >= min && parsed <= max) {
				return (int) parsed;
			}
		}
		errors.add(new FieldProblem(name, "must be an integer between " + min + " and " + max));
		return fallback;
	}

	private static boolean parseBoolean(String name, @Nullable String value, boolean fallback,
			List<FieldProblem> errors) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		String normal = value.strip().toLowerCase(Locale.ROOT);
		if (normal.equals("true") || normal.equals("false")) {
			return Boolean.parseBoolean(normal);
		}
		errors.add(new FieldProblem(name, "must be true or false"));
		return fallback;
	}

	/**
	 * The answer to a cancel or retry: the upstream message, plus the job's id and
	 * status.
	 *
	 * @param message a French confirmation
	 * @param jobId the job
	 * @param status its status now
	 */
	record JobAnswer(String message, String jobId, JobStatus status) {
	}

}
