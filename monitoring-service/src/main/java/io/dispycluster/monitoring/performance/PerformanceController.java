package io.dispycluster.monitoring.performance;

import org.jspecify.annotations.Nullable;

import io.dispycluster.monitoring.jobs.ControllerUnavailableException;
import io.dispycluster.monitoring.node.CollectionProperties;
import io.dispycluster.support.problem.Problems;
import io.dispycluster.monitoring.system.WindowHours;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /performance?hours=} (default 24, at most the retention): the performance
 * report of the window. A controller that does not answer gives a 502 problem: the report
 * would otherwise be a lie of zeros.
 */
@RestController
class PerformanceController {

	private final PerformanceReports reports;

	private final CollectionProperties collection;

	PerformanceController(PerformanceReports reports, CollectionProperties collection) {
		this.reports = reports;
		this.collection = collection;
	}

	@GetMapping("/performance")
	PerformanceReport performance(@RequestParam(required = false) @Nullable String hours) {
		int window = WindowHours.parse(hours, this.collection.retention());
		try {
			return this.reports.report(window);
		}
		catch (ControllerUnavailableException ex) {
			throw new ErrorResponseException(
					HttpStatus.BAD_GATEWAY, Problems.of(HttpStatus.BAD_GATEWAY, "controller-unavailable",
							"Controller unavailable", "Impossible de lire les jobs du contrôleur : " + ex.getMessage()),
					ex);
		}
	}

}
