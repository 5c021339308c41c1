package io.dispycluster.monitoring.jobs;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The controller's last listing of its workers, kept in the database with what sampling
 * needs of each (name, URL, capacity, labels): started again while the controller does
 * not answer, this service still samples them, instead of dropping them and resolving
 * their alerts as if they had left. Written only when that part of the listing changes.
 */
@Repository
public class KnownWorkers {

	private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private @Nullable List<WorkerEntry> saved;

	KnownWorkers(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The workers of the last listing, in its order; their status and jobs unknown. */
	public List<WorkerEntry> load() {
		return this.jdbc.sql("SELECT node, url, capacity, labels FROM known_worker ORDER BY listing_index")
			.query((rs, row) -> {
				int value = rs.getInt("capacity");
				Integer capacity = rs.wasNull() ? null : value;
				String labels = rs.getString("labels");
				return new WorkerEntry(rs.getString("node"), null, rs.getString("url"), null, capacity,
						(labels != null) ? this.json.readValue(labels, LABELS) : null);
			})
			.list();
	}

	/** Keeps a new listing, when what sampling needs of it changed. */
	@Transactional
	public synchronized void save(List<WorkerEntry> workers) {
		List<WorkerEntry> kept = workers.stream()
			.map((worker) -> new WorkerEntry(worker.node(), null, worker.url(), null, worker.capacity(),
					worker.labels()))
			.toList();
		if (kept.equals(this.saved)) {
			return;
		}
		this.jdbc.sql("DELETE FROM known_worker").update();
		for (int i = 0; i < kept.size(); i++) {
			WorkerEntry worker = kept.get(i);
			this.jdbc
				.sql("INSERT INTO known_worker (listing_index, node, url, capacity, labels) "
						+ "VALUES (:index, :node, :url, :capacity, :labels)")
				.param("index", i)
				.param("node", worker.node())
				.param("url", worker.url(), java.sql.Types.VARCHAR)
				.param("capacity", worker.capacity(), java.sql.Types.INTEGER)
				.param("labels", (worker.labels() != null) ? this.json.writeValueAsString(worker.labels()) : null,
						java.sql.Types.VARCHAR)
				.update();
		}
		this.saved = kept;
	}

}
