package io.skirmish.transport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The module's shape, pinned: a narrow API without netty-socketio in it, no reflection, small classes. */
class TransportArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(Path.of("target/classes"));
    /** What a host must not see in the API's public signatures. */
    private static final String[] HIDDEN = {"com.corundumstudio.", "com.fasterxml.", "io.skirmish.transport.engine."};

    @Test
    void theApiShowsNoLibraryTypeAndNoInternalType() {
        List<String> leaks = new ArrayList<>();
        for (JavaClass c : MAIN) {
            if (!c.getPackageName().equals("io.skirmish.transport") || !c.getModifiers().contains(JavaModifier.PUBLIC)) {
                continue;
            }
            for (JavaCodeUnit m : c.getCodeUnits()) {
                if (!m.getModifiers().contains(JavaModifier.PUBLIC)) continue;
                List<JavaClass> types = new ArrayList<>(m.getRawParameterTypes());
                types.add(m.getRawReturnType());
                for (JavaClass t : types) {
                    if (hidden(t)) leaks.add(m.getFullName() + " uses " + t.getName());
                }
            }
            for (JavaField f : c.getFields()) {
                if (f.getModifiers().contains(JavaModifier.PUBLIC) && hidden(f.getRawType())) {
                    leaks.add(f.getFullName() + " is a " + f.getRawType().getName());
                }
            }
            if (c.getRawSuperclass().map(TransportArchitectureTest::hidden).orElse(false)) {
                leaks.add(c.getName() + " extends a hidden type");
            }
        }
        assertTrue(MAIN.contain("io.skirmish.transport.SocketIoServer"));
        assertEquals(List.of(), leaks, "the API (io.skirmish.transport) shows only its own, Netty's and the JDK's types");
    }

    private static boolean hidden(JavaClass t) {
        String n = t.getBaseComponentType().getName();
        for (String h : HIDDEN) {
            if (n.startsWith(h)) return true;
        }
        return false;
    }

    @Test
    void noReflectionIntoLibraries() {
        noClasses().should().dependOnClassesThat().resideInAPackage("java.lang.reflect..")
                .because("netty-socketio is used through its public classes and extension points only")
                .check(MAIN);
    }

    @Test
    void theConformanceServerUsesOnlyTheApi() {
        noClasses().that().resideInAPackage("io.skirmish.transport.conformance..")
                .should().dependOnClassesThat().resideInAnyPackage("com.corundumstudio..", "io.skirmish.transport.engine..")
                .check(MAIN);
    }

    @Test
    void everyPackageSaysWhatItIsFor() {
        TreeSet<String> missing = new TreeSet<>();
        for (JavaClass c : MAIN) {
            String pkg = c.getPackageName();
            if (MAIN.stream().noneMatch(k -> k.getName().equals(pkg + ".package-info"))) missing.add(pkg);
        }
        assertEquals(new TreeSet<>(), missing, "packages without package-info.java");
    }

    @Test
    void noSourceFileIsOver500Lines() throws IOException {
        List<String> big;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            big = files.filter(p -> p.toString().endsWith(".java")).filter(p -> lines(p) > 500)
                    .map(p -> p + " (" + lines(p) + ")").toList();
        }
        assertEquals(List.of(), big, "one concern per class, none over 500 lines");
    }

    private static long lines(Path p) {
        try (Stream<String> l = Files.lines(p)) {
            return l.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
