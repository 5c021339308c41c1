package io.dispycluster.controller.job;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.dispycluster.support.submission.StartUrls;
import io.dispycluster.controller.job.IdempotencyStore.StoredAnswer;
import io.dispycluster.support.problem.InvalidRequestException;
import io.dispycluster.support.requestid.RequestIds;
import io.dispycluster.model.job.BatchCreated;
import io.dispycluster.model.job.JobCreated;
import io.dispycluster.model.job.JobStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts validated scrape requests: stores their jobs (accepted means stored), each with
 * the request's id, and tells dispatch. A request with an {@code Idempotency-Key} that
 * was seen before gets the first answer again instead of new jobs.
 */
@Service
class JobIntake {

	private static final Logger LOG = LoggerFactory.getLogger(JobIntake.class);

	private static final int MAX_KEY_LENGTH = 255;

	private final JobStore jobs;

	private final IdempotencyStore idempotency;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final JobProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	JobIntake(JobStore jobs, IdempotencyStore idempotency, TransactionTemplate transactions,
			ApplicationEventPublisher events, JobProperties properties, JsonMapper json, Clock clock) {
		this.jobs = jobs;
		this.idempotency = idempotency;
		this.transactions = transactions;
		this.events = events;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Stores one job.
	 * @param spec the validated request
	 * @param idempotencyKey the request's {@code Idempotency-Key}, or null
	 * @return the upstream answer
	 */
	JobCreated submit(JobSpec spec, @Nullable String idempotencyKey) {
		return answer(idempotencyKey, fingerprint("single", List.of(spec)), JobCreated.class, (now) -> {
			Job job = accept(List.of(spec), null, now).get(0);
			return new JobCreated("Job créé avec succès", job.id().value(), JobStatus.PENDING);
		});
	}

	/**
	 * Stores the jobs of a batch, in the order of their URLs.
	 * @param specs the validated requests (maybe none)
	 * @param idempotencyKey the request's {@code Idempotency-Key}, or null
	 * @return the upstream answer with the batch id (null when there is no job: no job
	 * would carry it)
	 */
	BatchCreated submitBatch(List<JobSpec> specs, @Nullable String idempotencyKey) {
		return answer(idempotencyKey, fingerprint("batch", specs), BatchCreated.class, (now) -> {
			@Nullable String batchId = specs.isEmpty() ? null : Ids.next("batch", now);
			List<String> ids = accept(specs, batchId, now).stream().map((job) -> job.id().value()).toList();
			return new BatchCreated(ids.size() + " jobs créés avec succès", ids, batchId);
		});
	}

	private List<Job> accept(List<JobSpec> specs, @Nullable String batchId, Instant now) {
		// The id of the request being handled: the one it came with, or the one the
		// request id filter made up for it and logs its lines with. The job keeps it for
		// its dispatch, its crawl and its reports.
		@Nullable String requestId = RequestIds.current();
		List<Job> accepted = new ArrayList<>();
		for (JobSpec spec : specs) {
			long rank = QueueOrder.rank(spec.priority(), now, this.properties.agingInterval());
			accepted.add(Job.accept(new JobId(Ids.next("job", now)), batchId, spec, now, rank, requestId));
		}
		if (!accepted.isEmpty()) {
			this.jobs.insert(accepted);
		}
		for (Job job : accepted) {
			LOG.info("Job accepted: job={} priority={} url={}", job.id(), job.spec().priority(),
					StartUrls.withoutCredentials(job.spec().startUrl()));
		}
		return accepted;
	}

	/**
	 * Creates the jobs and returns the answer, or replays the answer stored under the
	 * idempotency key. The jobs and the stored answer are committed together.
	 */
	private <T> T answer(@Nullable String key, String fingerprint, Class<T> type, Function<Instant, T> create) {
		if (key == null) {
			T created = this.transactions.execute((status) -> create.apply(this.clock.instant()));
			this.events.publishEvent(new JobsQueued(1));
			return created;
		}
		checkKey(key);
		try {
			return answerOnce(key, fingerprint, type, create);
		}
		catch (DuplicateKeyException ex) {
			// A concurrent request with the same key committed first: replay its answer.
			return answerOnce(key, fingerprint, type, create);
		}
	}

	private <T> T answerOnce(String key, String fingerprint, Class<T> type, Function<Instant, T> create) {
		Replay<T> replay = this.transactions.execute((status) -> {
			Optional<StoredAnswer> stored = this.idempotency.find(key);
			if (stored.isPresent()) {
				if (!stored.get().fingerprint().equals(fingerprint)) {
					throw new InvalidRequestException("Idempotency-Key", "was already used for a different request");
				}
				return new Replay<>(this.json.readValue(stored.get().json(), type), true);
			}
			Instant now = this.clock.instant();
			T created = create.apply(now);
			this.idempotency.insert(key, new StoredAnswer(fingerprint, this.json.writeValueAsString(created)), now);
			return new Replay<>(created, false);
		});
		if (!replay.replayed()) {
			this.events.publishEvent(new JobsQueued(1));
		}
		return replay.answer();
	}

	private static void checkKey(String key) {
		if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
			throw new InvalidRequestException("Idempotency-Key",
					"must hold 1 to " + MAX_KEY_LENGTH + " visible characters");
		}
	}

	private static String fingerprint(String kind, List<JobSpec> specs) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((kind + specs).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	private record Replay<T>(T answer, boolean replayed) {
	}

}
