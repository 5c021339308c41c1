package io.dispycluster.monitoring.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.dispycluster.monitoring.node.CollectionProperties;
import io.dispycluster.support.problem.FieldProblem;
import io.dispycluster.support.problem.InvalidRequestException;
import io.dispycluster.monitoring.system.QueryIntegers;
import io.dispycluster.monitoring.system.WindowHours;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /alerts} in the upstream shape, with the active alerts, and
 * {@code GET /alerts/history?hours=&limit=}: the alerts fired in the window, active and
 * resolved, newest first.
 */
@RestController
class AlertController {

	private static final int DEFAULT_LIMIT = 100;

	private static final int MAX_LIMIT = 1000;

	private final AlertEngine engine;

	private final AlertStore store;

	private final CollectionProperties collection;

	private final Clock clock;

	AlertController(AlertEngine engine, AlertStore store, CollectionProperties collection, Clock clock) {
		this.engine = engine;
		this.store = store;
		this.collection = collection;
		this.clock = clock;
	}

	@GetMapping("/alerts")
	ActiveAlerts alerts() {
		List<Alert> active = this.engine.active();
		Instant updated = this.engine.lastEvaluation();
		return new ActiveAlerts(active, active.size(), (updated != null) ? updated : this.clock.instant());
	}

	@GetMapping("/alerts/history")
	List<Alert> history(@RequestParam(required = false) @Nullable String hours,
			@RequestParam(required = false) @Nullable String limit) {
		// both parameters are checked, so that one 422 names every bad one
		List<FieldProblem> problems = new ArrayList<>();
		int window = window(hours, problems);
		int max = limit(limit, problems);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return this.store.history(this.clock.instant().minus(Duration.ofHours(window)), max);
	}

	private int window(@Nullable String hours, List<FieldProblem> problems) {
		// "hours=" as left by a script that had no value is no window either
		if (hours == null || hours.isBlank()) {
			return (int) this.collection.retention().toHours();
		}
		try {
			return WindowHours.parse(hours, this.collection.retention());
		}
		catch (InvalidRequestException ex) {
			problems.addAll(ex.getErrors());
			return 0;
		}
	}

	private static int limit(@Nullable String limit, List<FieldProblem> problems) {
		if (limit == null || limit.isBlank()) {
			return DEFAULT_LIMIT;
		}
		int value = QueryIntegers.parse(limit).orElse(0);
		if (value >= 1 && value <= MAX_LIMIT) {
			return value;
		}
		problems.add(new FieldProblem("limit", "must be an integer between 1 and " + MAX_LIMIT));
		return 0;
	}

	/**
	 * The answer of {@code GET /alerts}.
	 *
	 * @param activeAlerts the active alerts, oldest fired first
	 * @param alertCount how many
	 * @param lastUpdated when the rules were last evaluated
	 */
	record ActiveAlerts(List<Alert> activeAlerts, int alertCount, Instant lastUpdated) {
	}

}
