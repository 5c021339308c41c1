package io.dispycluster.controller;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The feature packages stay modules: no cycles between them, {@code job} (the core)
 * depends on no other feature, {@code system} on none at all, and only {@code cluster}
 * reads across everything.
 */
class ModularityTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.dispycluster.controller");

	@Test
	void featuresHaveNoCycles() {
		slices().matching("io.dispycluster.controller.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void systemDependsOnNoFeature() {
		noClasses().that()
			.resideInAPackage("..controller.system..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..controller.job..", "..controller.worker..", "..controller.dispatch..",
					"..controller.cluster..")
			.check(CLASSES);
	}

	@Test
	void jobIsTheCoreAndDependsOnNoOtherFeature() {
		noClasses().that()
			.resideInAPackage("..controller.job..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..controller.worker..", "..controller.dispatch..", "..controller.cluster..")
			.check(CLASSES);
	}

	@Test
	void workersKnowNothingOfDispatch() {
		noClasses().that()
			.resideInAPackage("..controller.worker..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..controller.dispatch..", "..controller.cluster..")
			.check(CLASSES);
	}

	@Test
	void nothingDependsOnTheReadApi() {
		noClasses().that()
			.resideOutsideOfPackage("..controller.cluster..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..controller.cluster..")
			.check(CLASSES);
	}

}
