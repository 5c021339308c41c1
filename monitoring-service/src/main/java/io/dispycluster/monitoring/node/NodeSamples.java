package io.dispycluster.monitoring.node;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored samples of the nodes. Times are kept as epoch milliseconds
 * ({@code sampled_ms}) for portable arithmetic on H2 and PostgreSQL, and as a timestamp
 * for people reading the table. Histories are averaged per bucket in the database, so a
 * 7-day query returns a few hundred rows, not forty thousand.
 */
@Repository
public class NodeSamples {

	private static final String COLUMNS = "node, sampled_ms, source, cpu_usage, memory_usage, disk_usage, load_1m, "
			+ "load_5m, load_15m, temperature, network_rx_bps, network_tx_bps, uptime_s, active_jobs, capacity, "
			+ "fetch_seconds, fetches";

	private final JdbcClient jdbc;

	NodeSamples(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void add(NodeSample sample) {
		SystemFigures s = sample.system();
		Workload w = sample.workload();
		this.jdbc
			.sql("INSERT INTO node_sample (sampled_at, " + COLUMNS + ") VALUES (:at, :node, :ms, :source, "
					+ ":cpu, :memory, :disk, :load1, :load5, :load15, :temperature, :rx, :tx, :uptime, :active, "
					+ ":capacity, :fetchSeconds, :fetches)")
			.param("at", Timestamp.from(sample.sampledAt()))
			.param("node", sample.node())
			.param("ms", sample.sampledAt().toEpochMilli())
			.param("source", sample.source().wireName())
			.param("cpu", s.cpuUsage(), java.sql.Types.DOUBLE)
			.param("memory", s.memoryUsage(), java.sql.Types.DOUBLE)
			.param("disk", s.diskUsage(), java.sql.Types.DOUBLE)
			.param("load1", s.load1m(), java.sql.Types.DOUBLE)
			.param("load5", s.load5m(), java.sql.Types.DOUBLE)
			.param("load15", s.load15m(), java.sql.Types.DOUBLE)
			.param("temperature", s.temperature(), java.sql.Types.DOUBLE)
			.param("rx", s.networkRxBps(), java.sql.Types.DOUBLE)
			.param("tx", s.networkTxBps(), java.sql.Types.DOUBLE)
			.param("uptime", s.uptimeS(), java.sql.Types.BIGINT)
			.param("active", w.activeJobs(), java.sql.Types.INTEGER)
			.param("capacity", w.capacity(), java.sql.Types.INTEGER)
			.param("fetchSeconds", w.fetchSeconds(), java.sql.Types.DOUBLE)
			.param("fetches", w.fetches(), java.sql.Types.BIGINT)
			.update();
	}

	/** How many samples are stored, all nodes together. */
	public long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM node_sample").query(Long.class).single();
	}

	/** How many distinct nodes have stored samples. */
	public long nodesWithSamples() {
		return this.jdbc.sql("SELECT COUNT(DISTINCT node) FROM node_sample").query(Long.class).single();
	}

	/**
	 * The newest sample of every node that has one, node by node through the
	 * {@code (node, sampled_ms)} index. H2 ran the one-query forms of this (a correlated
	 * {@code MAX}, a join on a grouped {@code MAX}) for every stored row: with a day of
	 * samples of 10 nodes the start of the service waited over a minute.
	 */
	public List<NodeSample> latestOfEach() {
		return this.jdbc.sql("SELECT DISTINCT node FROM node_sample ORDER BY node")
			.query(String.class)
			.list()
			.stream()
			.flatMap((node) -> latest(node).stream())
			.toList();
	}

	/**
	 * The newest sample of one node. Ordered as the {@code (node, sampled_ms)} index,
	 * node too, so that H2 reads it backwards from the end instead of sorting all the
	 * node's samples (a second on a week of them).
	 */
	public Optional<NodeSample> latest(String node) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM node_sample WHERE node = :node ORDER BY node DESC, sampled_ms DESC LIMIT 1")
			.param("node", node)
			.query(NodeSamples::sample)
			.optional();
	}

	/** Statistics of one node over {@code [from, to]}. */
	public WindowStats stats(String node, Instant from, Instant to) {
		return this.jdbc.sql("SELECT COUNT(*), MIN(sampled_ms), MAX(sampled_ms), AVG(cpu_usage), MAX(cpu_usage), "
				+ "AVG(memory_usage), MAX(memory_usage), AVG(disk_usage), MAX(disk_usage), AVG(temperature), "
				+ "MAX(temperature) FROM node_sample WHERE node = :node AND sampled_ms >= :from AND sampled_ms <= :to")
			.params(Map.of("node", node, "from", from.toEpochMilli(), "to", to.toEpochMilli()))
			.query((rs, n) -> new WindowStats(rs.getLong(1), instant(rs, 2), instant(rs, 3), dbl(rs, 4), dbl(rs, 5),
					dbl(rs, 6), dbl(rs, 7), dbl(rs, 8), dbl(rs, 9), dbl(rs, 10), dbl(rs, 11)))
			.single();
	}

	/**
	 * One node's history over {@code [from, to]}, averaged per bucket, oldest first.
	 */
	public List<HistoryPoint> history(String node, Instant from, Instant to, Duration bucket) {
		long size = bucket.toMillis();
		return this.jdbc
			.sql("SELECT b, COUNT(*), AVG(cpu_usage), AVG(memory_usage), AVG(disk_usage), AVG(load_1m), AVG(load_5m), "
					+ "AVG(load_15m), AVG(temperature), AVG(network_rx_bps), AVG(network_tx_bps), MAX(uptime_s) "
					+ "FROM (SELECT sampled_ms / :size AS b, cpu_usage, memory_usage, disk_usage, load_1m, load_5m, "
					+ "load_15m, temperature, network_rx_bps, network_tx_bps, uptime_s FROM node_sample "
					+ "WHERE node = :node AND sampled_ms >= :from AND sampled_ms <= :to) t GROUP BY b ORDER BY b")
			.params(Map.of("size", size, "node", node, "from", from.toEpochMilli(), "to", to.toEpochMilli()))
			.query((rs, n) -> new HistoryPoint(Instant.ofEpochMilli(rs.getLong(1) * size), rs.getLong(2),
					new SystemFigures(dbl(rs, 3), dbl(rs, 4), dbl(rs, 5), dbl(rs, 6), dbl(rs, 7), dbl(rs, 8),
							dbl(rs, 9), dbl(rs, 10), dbl(rs, 11), lng(rs, 12))))
			.list();
	}

	/** How loaded each node that has samples in {@code [from, to]} was. */
	public List<NodeLoad> loadBetween(Instant from, Instant to) {
		return this.jdbc
			.sql("SELECT node, COUNT(*), AVG(cpu_usage), AVG(memory_usage), MAX(disk_usage), MAX(temperature), "
					+ "SUM(CASE WHEN capacity > 0 AND active_jobs IS NOT NULL THEN 1 ELSE 0 END), "
					+ "SUM(CASE WHEN capacity > 0 AND active_jobs >= capacity THEN 1 ELSE 0 END), "
					+ "SUM(fetch_seconds), SUM(fetches) FROM node_sample "
					+ "WHERE sampled_ms >= :from AND sampled_ms <= :to GROUP BY node ORDER BY node")
			.params(Map.of("from", from.toEpochMilli(), "to", to.toEpochMilli()))
			.query((rs, n) -> new NodeLoad(rs.getString(1), rs.getLong(2), dbl(rs, 3), dbl(rs, 4), dbl(rs, 5),
					dbl(rs, 6), rs.getLong(7), rs.getLong(8), dbl(rs, 9), lng(rs, 10)))
			.list();
	}

	/** Deletes the samples older than {@code before}; returns how many. */
	public int deleteBefore(Instant before) {
		return this.jdbc.sql("DELETE FROM node_sample WHERE sampled_ms < :before")
			.param("before", before.toEpochMilli())
			.update();
	}

	private static NodeSample sample(ResultSet rs, int row) throws SQLException {
		SystemFigures system = new SystemFigures(dbl(rs, "cpu_usage"), dbl(rs, "memory_usage"), dbl(rs, "disk_usage"),
				dbl(rs, "load_1m"), dbl(rs, "load_5m"), dbl(rs, "load_15m"), dbl(rs, "temperature"),
				dbl(rs, "network_rx_bps"), dbl(rs, "network_tx_bps"), lng(rs, "uptime_s"));
		Workload workload = new Workload(integer(rs, "active_jobs"), integer(rs, "capacity"), dbl(rs, "fetch_seconds"),
				lng(rs, "fetches"));
		SampleSource source = "node_exporter".equals(rs.getString("source")) ? SampleSource.NODE_EXPORTER
				: SampleSource.WORKER;
		return new NodeSample(rs.getString("node"), Instant.ofEpochMilli(rs.getLong("sampled_ms")), source, system,
				workload);
	}

	private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : Instant.ofEpochMilli(value);
	}

	private static @Nullable Double dbl(ResultSet rs, int column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	private static @Nullable Double dbl(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	private static @Nullable Long lng(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static @Nullable Long lng(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

}
