package io.dispycluster.worker.assignment;

import java.util.List;

import io.dispycluster.model.job.ScrapeAssignment;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The controller's way in: assign a job (202, or 503 at capacity), cancel it, list what
 * runs.
 */
@RestController
@RequestMapping("/assignments")
class AssignmentController {

	private final Assignments assignments;

	AssignmentController(Assignments assignments) {
		this.assignments = assignments;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	AssignmentAccepted assign(@RequestBody ScrapeAssignment assignment) {
		return this.assignments.accept(assignment);
	}

	@PostMapping("/{jobId}/cancel")
	@ResponseStatus(HttpStatus.ACCEPTED)
	AssignmentAccepted cancel(@PathVariable String jobId) {
		return this.assignments.cancel(jobId);
	}

	@GetMapping
	List<AssignmentView> list() {
		return this.assignments.list();
	}

}
