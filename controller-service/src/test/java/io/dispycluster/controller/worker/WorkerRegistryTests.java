package io.dispycluster.controller.worker;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import io.dispycluster.controller.job.JobQueue;
import io.dispycluster.controller.support.MigratedH2;
import io.dispycluster.model.worker.WorkerRegistration;
import io.dispycluster.model.worker.WorkerState;
import io.dispycluster.support.problem.FieldProblem;
import io.dispycluster.support.problem.InvalidRequestException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

/**
 * Registration against the real schema in an in-memory H2: a new worker is online at
 * once, and the periodic re-registration of a watched worker is only a sign of life.
 */
class WorkerRegistryTests {

	private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

	private final List<Object> events = new ArrayList<>();

	private WorkerStore store;

	private WorkerRegistry registry;

	private Instant now = T0;

	@BeforeEach
	void migrate() {
		DataSource dataSource = MigratedH2.create("workers");
		this.store = new WorkerStore(new NamedParameterJdbcTemplate(dataSource));
		this.registry = new WorkerRegistry(this.store, new NodeInventoryProperties(List.of()), mock(JobQueue.class),
				this.events::add, new Clock() {

					@Override
					public ZoneOffset getZone() {
						return ZoneOffset.UTC;
					}

					@Override
					public Clock withZone(java.time.ZoneId zone) {
						return this;
					}

					@Override
					public Instant instant() {
						return WorkerRegistryTests.this.now;
					}

				}, new NodeNameGuard(mock(WorkerClient.class)));
	}

	@Test
	void aNewWorkerIsOnlineAtOnceAndAnnounced() {
		Worker worker = this.registry.register(new WorkerRegistration("pi-1", "http://10.0.0.1:8080/", 2));

		assertThat(worker.status()).isEqualTo(WorkerState.ONLINE);
		assertThat(worker.url()).isEqualTo("http://10.0.0.1:8080");
		assertThat(this.events).containsExactly(new WorkerAvailable("pi-1"));
	}

	@Test
	void anInventoryNodesLabelsOverrideTheWorkersOwnKeyByKeyAndAreStored() {
		NodeInventoryProperties inventory = new NodeInventoryProperties(List.of(new NodeInventoryProperties.Node("pi-1",
				"10.0.0.1", 8080, 2, Map.of("zone", "attic", "model", "pi4"))));
		WorkerRegistry registry = new WorkerRegistry(this.store, inventory, mock(JobQueue.class), this.events::add,
				Clock.fixed(T0, ZoneOffset.UTC), new NodeNameGuard(mock(WorkerClient.class)));
		registry.syncInventory();
		assertThat(this.store.find("pi-1")).map(Worker::labels).contains(Map.of("zone", "attic", "model", "pi4"));

		registry.register(
				new WorkerRegistration("pi-1", "http://10.0.0.1:8080", 2, Map.of("zone", "kitchen", "arch", "arm64")));
		assertThat(this.store.find("pi-1")).map(Worker::labels)
			.contains(Map.of("zone", "attic", "model", "pi4", "arch", "arm64"));
		assertThat(registry.anyUpWith(Map.of("arch", "arm64", "zone", "attic"))).isTrue();
		assertThat(registry.anyUpWith(Map.of("zone", "kitchen"))).isFalse();

		registry.register(new WorkerRegistration("pi-2", "http://10.0.0.2:8080", 2, Map.of("zone", "kitchen")));
		assertThat(WorkerRegistry.view(this.store.find("pi-2").orElseThrow(), 0).labels())
			.isEqualTo(Map.of("zone", "kitchen"));
	}

	@Test
	void aRegistrationWithBadLabelsIsRefusedNamingTheField() {
		assertThatThrownBy(() -> this.registry
			.register(new WorkerRegistration("pi-1", "http://10.0.0.1:8080", 2, Map.of("Zone", "attic"))))
			.isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void aRenewalKeepsWhatTheHealthChecksFoundAndOnlyMovesLastSeen() {
		this.registry.register(new WorkerRegistration("pi-1", "http://10.0.0.1:8080", 2));
		Worker checked = this.store.find("pi-1").orElseThrow();
		this.store.update(new Worker("pi-1", checked.url(), 2, WorkerState.BUSY, checked.source(), checked.joinedAt(),
				T0, null, 0, 2, 0, 57.5, 41.0, 48.0, null));
		this.now = T0.plusSeconds(30);

		this.registry.register(new WorkerRegistration("pi-1", "http://10.0.0.1:8080", 2));

		Worker renewed = this.store.find("pi-1").orElseThrow();
		assertThat(renewed.status()).isEqualTo(WorkerState.BUSY);
		assertThat(renewed.reportedActiveJobs()).isEqualTo(2);
		assertThat(renewed.cpuUsage()).isEqualTo(57.5);
		assertThat(renewed.lastSeen()).isEqualTo(T0.plusSeconds(30));
		assertThat(this.events).hasSize(1);
	}

	@Test
	void aWorkerThatComesBackOrMovesIsRegisteredAfresh() {
		this.registry.register(new WorkerRegistration("pi-1", "http://10.0.0.1:8080", 2));
		this.store.setStatus("pi-1", WorkerState.OFFLINE, "unreachable");

		this.registry.register(new WorkerRegistration("pi-1", "http://10.0.0.1:8080", 2));
		assertThat(this.store.find("pi-1").orElseThrow().status()).isEqualTo(WorkerState.ONLINE);

		this.registry.register(new WorkerRegistration("pi-1", "http://10.0.0.9:8080", 4));
		Worker moved = this.store.find("pi-1").orElseThrow();
		assertThat(moved.url()).isEqualTo("http://10.0.0.9:8080");
		assertThat(moved.capacity()).isEqualTo(4);
		assertThat(this.events).hasSize(3);
	}

	@Test
	void aRegistrationFromANewProcessIsARestartAnnouncedBeforeTheWorkerIsAvailable() {
		this.registry.register(new WorkerRegistration("pi-1", "http://10.0.0.1:8080", 2, Map.of(), "run-1"));
		this.registry.register(new WorkerRegistration("pi-1", "http://10.0.0.1:8080", 2, Map.of(), "run-1"));
		assertThat(this.events).containsExactly(new WorkerAvailable("pi-1"));

		this.now = T0.plusSeconds(5);
		this.registry.register(new WorkerRegistration("pi-1", "http://10.0.0.1:8080", 2, Map.of(), "run-2"));

		assertThat(this.events).containsExactly(new WorkerAvailable("pi-1"),
				new WorkerRestarted("pi-1", "http://10.0.0.1:8080", T0.plusSeconds(5)), new WorkerAvailable("pi-1"));
	}

	@Test
	void aWorkerThatSendsNoInstanceIdIsNeverTakenForARestart() {
		this.registry.register(new WorkerRegistration("pi-1", "http://10.0.0.1:8080", 2, Map.of(), "run-1"));
		this.registry.register(new WorkerRegistration("pi-1", "http://10.0.0.1:8080", 2));
		this.registry.register(new WorkerRegistration("pi-1", "http://10.0.0.1:8080", 2, Map.of(), "run-1"));

		assertThat(this.events).containsExactly(new WorkerAvailable("pi-1"));
	}

	@Test
	void aWorkerKnownOnlyFromItsHealthChecksIsNoticedRestartingByTheInstanceIdOfItsHealth() {
		NodeInventoryProperties inventory = new NodeInventoryProperties(
				List.of(new NodeInventoryProperties.Node("pi-1", "10.0.0.1", 8080, 2, Map.of())));
		WorkerRegistry registry = new WorkerRegistry(this.store, inventory, mock(JobQueue.class), this.events::add,
				Clock.fixed(T0, ZoneOffset.UTC), new NodeNameGuard(mock(WorkerClient.class)));
		registry.syncInventory();
		registry.healthy(this.store.find("pi-1").orElseThrow(), report("run-1"), T0);
		registry.healthy(this.store.find("pi-1").orElseThrow(), report("run-1"), T0.plusSeconds(5));
		registry.healthy(this.store.find("pi-1").orElseThrow(), report(null), T0.plusSeconds(10));
		assertThat(this.events).containsExactly(new WorkerAvailable("pi-1"));

		registry.healthy(this.store.find("pi-1").orElseThrow(), report("run-2"), T0.plusSeconds(15));

		assertThat(this.events).containsExactly(new WorkerAvailable("pi-1"),
				new WorkerRestarted("pi-1", "http://10.0.0.1:8080", T0.plusSeconds(15)));
	}

	@Test
	void aRestartSeenByARegistrationIsNotAnnouncedAgainByTheNextHealthCheck() {
		this.registry.register(new WorkerRegistration("pi-1", "http://10.0.0.1:8080", 2, Map.of(), "run-1"));
		this.registry.register(new WorkerRegistration("pi-1", "http://10.0.0.1:8080", 2, Map.of(), "run-2"));
		this.registry.healthy(this.store.find("pi-1").orElseThrow(), report("run-2"), T0.plusSeconds(5));

		assertThat(this.events).filteredOn(WorkerRestarted.class::isInstance).hasSize(1);
	}

	@Test
	void aHealthCheckOfTheOldAddressThatEndsAfterARegistrationFromANewOneChangesNothing() {
		this.registry.register(new WorkerRegistration("pi-1", "http://10.0.0.1:8080", 2, Map.of(), "run-1"));
		Worker checked = this.store.find("pi-1").orElseThrow();
		this.registry.register(new WorkerRegistration("pi-1", "http://10.0.0.2:8080", 2, Map.of(), "run-2"));
		this.events.clear();

		assertThat(this.registry.healthy(checked, report("run-1"), T0.plusSeconds(5))).isFalse();
		this.registry.failedCheck(checked, "Connection refused", 1);

		Worker now = this.store.find("pi-1").orElseThrow();
		assertThat(now.url()).isEqualTo("http://10.0.0.2:8080");
		assertThat(now.status()).isEqualTo(WorkerState.ONLINE);
		assertThat(now.failedChecks()).isZero();
		assertThat(this.events).isEmpty();
		this.registry.register(new WorkerRegistration("pi-1", "http://10.0.0.2:8080", 2, Map.of(), "run-2"));
		assertThat(this.events).noneMatch(WorkerRestarted.class::isInstance);
	}

	private static HealthReport report(String instanceId) {
		return new HealthReport(2, 0, null, null, null, instanceId);
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../etc", "rack/pi-1", "pi\\1", ".", "..", "pi-1\nWorker registered: node=fake",
			"pi\u0000" })
	void aNodeNameThatCannotBeInAPathIsRefused(String node) {
		assertThatThrownBy(() -> this.registry.register(new WorkerRegistration(node, "http://10.0.0.1:8080", 2)))
			.isInstanceOfSatisfying(InvalidRequestException.class,
					(ex) -> assertThat(ex.getErrors()).extracting(FieldProblem::field).containsExactly("node"));
		assertThat(this.store.find(node)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "node6.lan", "pi 4 (attic)", "nœud-é", "...", "a.b", "x?y#z" })
	void aNodeNameThatCanBeInAPathIsTaken(String node) {
		this.registry.register(new WorkerRegistration(node, "http://10.0.0.1:8080", 2));
		assertThat(this.store.find(node)).isPresent();
	}

	@Test
	void anInstanceIdOfMoreThan64CharactersIsRefused() {
		assertThatThrownBy(() -> this.registry
			.register(new WorkerRegistration("pi-1", "http://10.0.0.1:8080", 2, Map.of(), "x".repeat(65))))
			.isInstanceOfSatisfying(InvalidRequestException.class,
					(ex) -> assertThat(ex.getErrors()).extracting(FieldProblem::field).containsExactly("instance_id"));
	}

}
