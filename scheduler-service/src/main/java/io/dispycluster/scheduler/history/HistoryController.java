package io.dispycluster.scheduler.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import io.dispycluster.scheduler.system.QueryIntegers;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /history?limit=L}: the last L runs of tasks and workflows, oldest first, as
 * upstream (but {@code limit} must be 1..1000, where upstream returned everything for 0).
 */
@RestController
class HistoryController {

	private static final Comparator<HistoryEntry> CHRONOLOGICAL = Comparator.comparing(HistoryEntry::executedAt)
		.thenComparing((entry) -> Long.parseLong(entry.runId().substring(entry.runId().indexOf('_') + 1)));

	private final List<HistorySource> sources;

	HistoryController(List<HistorySource> sources) {
		this.sources = List.copyOf(sources);
	}

	@GetMapping("/history")
	List<HistoryEntry> history(@Parameter(description = "how many runs, the latest",
			schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "50")) @RequestParam(
					name = "limit", required = false) @Nullable String limitParam) {
		int limit = QueryIntegers.between("limit", limitParam, 1, 1000, 50);
		List<HistoryEntry> entries = new ArrayList<>();
		this.sources.forEach((source) -> entries.addAll(source.latest(limit)));
		entries.sort(CHRONOLOGICAL);
		return List.copyOf(entries.subList(Math.max(0, entries.size() - limit), entries.size()));
	}

}
