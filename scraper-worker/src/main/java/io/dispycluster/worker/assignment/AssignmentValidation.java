package io.dispycluster.worker.assignment;

import java.util.ArrayList;
import java.util.List;

import io.dispycluster.model.job.CrawlOptions;
import io.dispycluster.model.job.ScrapeAssignment;
import io.dispycluster.worker.crawl.CrawlOrder;
import io.dispycluster.worker.scrape.CrawlOrders;
import io.dispycluster.support.problem.FieldProblem;
import io.dispycluster.support.problem.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * Checks a controller's assignment, naming each bad field, and builds its crawl order.
 */
final class AssignmentValidation {

	private AssignmentValidation() {
	}

	// Records read from JSON may hold nulls where their types say otherwise.
	static CrawlOrder order(ScrapeAssignment assignment, CrawlOptions options, CrawlOrders orders) {
		List<FieldProblem> problems = new ArrayList<>();
		if (assignment.jobId() == null || assignment.jobId().isBlank()) {
			problems.add(new FieldProblem("job_id", "is required"));
		}
		if (assignment.attempt() < 1) {
			problems.add(new FieldProblem("attempt", "must be at least 1"));
		}
		CrawlOrder order = null;
		if (assignment.spec() == null) {
			problems.add(new FieldProblem("spec", "is required"));
		}
		else {
			order = specOrder(assignment, options, orders, problems);
		}
		if (order == null || !problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return order;
	}

	private static @Nullable CrawlOrder specOrder(ScrapeAssignment assignment, CrawlOptions options, CrawlOrders orders,
			List<FieldProblem> problems) {
		try {
			return orders.fromSpec(assignment.spec(), options);
		}
		catch (InvalidRequestException ex) {
			problems.addAll(ex.getErrors());
			return null;
		}
	}

}
