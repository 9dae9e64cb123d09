package org.talentpipeline.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture of DESIGN.md and STYLE.md as tests (ddd-by-examples/library's
 * ModularArchitectureTest): the direction of the dependencies between areas, a Jakarta-free
 * scoring engine, shared areas that use no business area, and JDBC only where it is named for.
 */
class ArchitectureTest {

    private static final String ROOT = "org.talentpipeline";
    private static final String[] SHARED = {"..identity..", "..audit..", "..taxonomy..", "..platform.."};
    private static final String[] BUSINESS = {
        "..school..",
        "..student..",
        "..competition..",
        "..evaluation..",
        "..scoring..",
        "..search..",
        "..placement..",
        "..certification..",
        "..privacy..",
        "..maintenance.."
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /** DESIGN.md: placement -> search -> scoring -> competition/evaluation -> student -> school, never back. */
    @Test
    void areasDependOneWay() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Top")
                .definedBy("..privacy..", "..certification..", "..maintenance..", "..integrity..", "..analytics..")
                .layer("Placement")
                .definedBy("..placement..")
                .layer("Search")
                .definedBy("..search..")
                .layer("Scoring")
                .definedBy("..scoring..")
                .layer("Evaluation")
                .definedBy("..evaluation..")
                .layer("Competition")
                .definedBy("..competition..")
                .layer("Student")
                .definedBy("..student..")
                .layer("School")
                .definedBy("..school..")
                .whereLayer("Top")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Placement")
                .mayOnlyBeAccessedByLayers("Top")
                .whereLayer("Search")
                .mayOnlyBeAccessedByLayers("Placement", "Top")
                .whereLayer("Scoring")
                .mayOnlyBeAccessedByLayers("Search", "Placement", "Top")
                .whereLayer("Evaluation")
                .mayOnlyBeAccessedByLayers("Scoring", "Search", "Placement", "Top")
                .whereLayer("Competition")
                .mayOnlyBeAccessedByLayers("Evaluation", "Scoring", "Search", "Placement", "Top")
                .whereLayer("Student")
                .mayOnlyBeAccessedByLayers("Competition", "Evaluation", "Scoring", "Search", "Placement", "Top")
                .whereLayer("School")
                .mayOnlyBeAccessedByLayers(
                        "Student", "Competition", "Evaluation", "Scoring", "Search", "Placement", "Top")
                .check(classes);
    }

    /** Issue 21: the candidate search is fed by events and asked by pages; no other area imports it. */
    @Test
    void noOtherAreaUsesSearch() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..search..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..search..")
                .check(classes);
    }

    /** DESIGN.md: every area may use identity, audit, taxonomy and platform; none of those uses an area. */
    @Test
    void sharedAreasUseNoBusinessArea() {
        noClasses()
                .that()
                .resideInAnyPackage(SHARED)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(BUSINESS)
                .check(classes);
    }

    /** No cycle between any two areas, shared ones included (identity and audit were one). */
    @Test
    void areasFormNoCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    /** STYLE.md: the engine is plain Java, unit-tested and benchmarked on its own. */
    @Test
    void scoringEngineIsPlainJava() {
        noClasses()
                .that()
                .resideInAPackage("..scoring.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta..", "javax..", "org.eclipse.microprofile..", "java.sql..")
                .orShould()
                .dependOnClassesThat()
                .resideOutsideOfPackages("java..", "..scoring.engine..")
                .check(classes);
    }

    /** STYLE.md: JDBC in classes named for it ({@code *Rows}, {@code *Store}) and in platform's helpers only. */
    @Test
    void jdbcOnlyInClassesNamedForIt() {
        noClasses()
                .that(areNot(namedForJdbc()))
                .should()
                .dependOnClassesThat()
                .resideInAPackage("java.sql..")
                .check(classes);
    }

    /**
     * Issue 21: another area is asked through an injected bean, never handed a JDBC connection or statement (platform's
     * small JDBC helpers excepted).
     */
    @Test
    void noAreaHandsAnotherAJdbcConnection() {
        classes()
                .should(new ArchCondition<JavaClass>("call no other area's method that takes a java.sql type") {
                    @Override
                    public void check(JavaClass caller, ConditionEvents events) {
                        for (JavaCodeUnitAccess<?> call : caller.getCodeUnitCallsFromSelf()) {
                            JavaClass owner = call.getTargetOwner();
                            String area = area(owner);
                            if (area == null || area.equals(area(caller)) || "platform".equals(area)) {
                                continue;
                            }
                            boolean jdbc = call.getTarget().getRawParameterTypes().stream()
                                    .anyMatch(t -> t.getPackageName().equals("java.sql"));
                            if (jdbc) {
                                events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                            }
                        }
                    }
                })
                .check(classes);
    }

    /** The area (top package under the root) of a class, or null outside the application. */
    private static String area(JavaClass c) {
        if (!c.getPackageName().startsWith(ROOT + ".")) {
            return null;
        }
        String rest = c.getPackageName().substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** "area.Class" of a class, of its outermost class for a nested one. */
    private static String shortName(JavaClass c) {
        String name = c.getName().substring(ROOT.length() + 1);
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    private static DescribedPredicate<JavaClass> namedForJdbc() {
        return DescribedPredicate.describe("named *Rows or *Store, or in platform", c -> {
            String name = shortName(c);
            return name.startsWith("platform.") || name.endsWith("Rows") || name.endsWith("Store");
        });
    }

    private static DescribedPredicate<JavaClass> areNot(DescribedPredicate<JavaClass> predicate) {
        return DescribedPredicate.not(predicate);
    }
}
