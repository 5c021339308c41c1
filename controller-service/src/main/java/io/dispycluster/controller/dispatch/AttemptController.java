package io.dispycluster.controller.dispatch;

import io.dispycluster.controller.job.JobId;
import io.dispycluster.model.job.AttemptProgress;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The internal endpoints workers report to: 204 when taken, 409 when the attempt is not
 * the job's current one, 404 for an unknown job, 422 for an invalid body.
 */
@RestController
class AttemptController {

	private final AttemptReports reports;

	AttemptController(AttemptReports reports) {
		this.reports = reports;
	}

	@PostMapping("/internal/jobs/{jobId}/progress")
	ResponseEntity<Void> progress(@PathVariable String jobId, @RequestBody AttemptProgress progress) {
		this.reports.progress(new JobId(jobId), progress);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/internal/jobs/{jobId}/report")
	ResponseEntity<Void> report(@PathVariable String jobId, @Valid @RequestBody AttemptReportBody report) {
		this.reports.report(new JobId(jobId), report);
		return ResponseEntity.noContent().build();
	}

}
