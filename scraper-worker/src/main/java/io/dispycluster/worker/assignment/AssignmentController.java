package io.dispycluster.worker.assignment;

import java.util.List;

import io.dispycluster.model.job.CrawlOptions;
import io.dispycluster.model.job.ScrapeAssignment;
import io.dispycluster.support.problem.InvalidRequestException;
import io.dispycluster.support.requestid.RequestIds;
import io.dispycluster.worker.system.JsonBodies;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The controller's way in: assign a job (202, or 503 at capacity), cancel it (or one
 * attempt of it), list what runs. An assignment's {@code spec} may carry the optional job
 * fields alongside the contract's.
 */
@RestController
@RequestMapping("/assignments")
class AssignmentController {

	private final Assignments assignments;

	private final JsonBodies bodies;

	AssignmentController(Assignments assignments, JsonBodies bodies) {
		this.assignments = assignments;
		this.bodies = bodies;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	AssignmentAccepted assign(@RequestBody JsonNode body) {
		ScrapeAssignment assignment = this.bodies.read(body, ScrapeAssignment.class, "");
		JsonNode spec = body.get("spec");
		CrawlOptions options = (spec != null && spec.isObject()) ? this.bodies.read(spec, CrawlOptions.class, "spec.")
				: CrawlOptions.none();
		// The assignment's X-Request-Id, which the request id filter put in the logging
		// context: the crawl and its reports carry it on.
		return this.assignments.accept(assignment, options, RequestIds.current());
	}

	/**
	 * Stops a job: only the named attempt when {@code attempt} is given (a stop meant for
	 * an older attempt must not stop the newer one that replaced it here), any attempt
	 * otherwise, as controllers that name none expect.
	 */
	@PostMapping("/{jobId}/cancel")
	@ResponseStatus(HttpStatus.ACCEPTED)
	AssignmentAccepted cancel(@PathVariable String jobId, @RequestParam(required = false) @Nullable Integer attempt) {
		if (attempt != null && attempt < 1) {
			throw new InvalidRequestException("attempt", "must be at least 1");
		}
		return this.assignments.cancel(jobId, attempt);
	}

	@GetMapping
	List<AssignmentView> list() {
		return this.assignments.list();
	}

}
